// Procedures (spec §10.4) and medications (spec §10.5).

ValueSet: ProcedureSpineSurgery
Id: procedure-spine-surgery
Title: "Procedures: spine surgery (SPINE_SURGERY, RECENT_PROC)"
Description: """
Spine surgery procedures (spec §10.4): any completed one is evidence of SPINE_SURGERY (any date), and of RECENT_PROC when performed within 90 days (§3.6).
CPT: lumbar arthrodesis 22558, 22612, 22630, 22633; lumbar laminotomy/discectomy 63030; lumbar laminectomy/foraminotomy 63047.
SNOMED CT: a curated expansion of the concepts common in US problem lists and procedure histories, verified (code and term) against the SNOMED CT IPS Free Set procedures value set (HL7/fhir-ips, ProceduresSnomedCtIpsFreeSet, SNOMED CT 2022-07-31): << 55705006 |Spinal fusion| (lumbar, lumbosacral, thoracolumbar, cervicothoracic, cervical and craniocervical fusion by anterior or posterior approach), and the laminectomy, laminotomy, discectomy and spinal cord decompression concepts of spec §10.3 G. Spinal injections are not spine surgery: see procedure-spinal-injection. A terminology server could widen it to the whole hierarchies (concept is-a 55705006, and the laminectomy and discectomy hierarchies) and add the ICD-10-PCS equivalents of the CPT codes.
"""
* insert ProjectMetadata
* ^copyright = "CPT codes are copyright of the American Medical Association. This value set includes content from SNOMED CT, which is copyright © 2002+ International Health Terminology Standards Development Organisation (IHTSDO)."
* $cpt#22558 "Arthrodesis, anterior interbody technique; lumbar"
* $cpt#22612 "Arthrodesis, posterior or posterolateral technique; lumbar"
* $cpt#22630 "Arthrodesis, posterior interbody technique; lumbar"
* $cpt#22633 "Arthrodesis, combined posterior or posterolateral and posterior interbody technique; lumbar"
* $cpt#63030 "Laminotomy with decompression of nerve root(s) and/or excision of herniated disc; lumbar"
* $cpt#63047 "Laminectomy, facetectomy and foraminotomy; lumbar"
* $sct#55705006 "Spinal fusion"
* $sct#50172003 "Lumbar spinal fusion"
* $sct#277764006 "Fusion of posterior lumbar spine"
* $sct#34238000 "Lumbar and lumbosacral fusion by posterior technique"
* $sct#25789004 "Lumbosacral arthrodesis"
* $sct#448942003 "Fusion of lumbosacral region of spine by posterior approach"
* $sct#449048009 "Fusion of lumbosacral region of spine by anterior approach"
* $sct#448944002 "Fusion of thoracolumbar region of spine by posterior approach"
* $sct#448943008 "Fusion of thoracolumbar region of spine by anterior approach"
* $sct#448808006 "Fusion of cervicothoracic region of spine by anterior approach"
* $sct#81099000 "Cervical arthrodesis"
* $sct#59703009 "Cervical arthrodesis by anterior technique"
* $sct#53976000 "Arthrodesis by anterior interbody technique of cervical region below C2 with bone graft"
* $sct#6976007 "Craniocervical spinal fusion"
* $sct#387731002 "Laminectomy"
* $sct#427752004 "Excision of lamina of lumbar vertebra for decompression of spinal cord"
* $sct#445429009 "Cervical laminectomy"
* $sct#282191000 "Laminotomy for decompression and exploration"
* $sct#3418002 "Discectomy of spine"
* $sct#89355001 "Discectomy for intervertebral herniated disc, nucleus pulposus"
* $sct#10836008 "Decompression of spinal cord"

ValueSet: ProcedureSpinalInjection
Id: procedure-spinal-injection
Title: "Procedures: spinal injection (RECENT_PROC only)"
Description: "Spinal injections and procedures (spec §10.4): evidence of RECENT_PROC when completed within 90 days; never of SPINE_SURGERY."
* insert ProjectMetadata
* ^copyright = "CPT codes are copyright of the American Medical Association."
* $cpt#62321 "Interlaminar epidural injection, cervical or thoracic, with imaging guidance"
* $cpt#62323 "Interlaminar epidural injection, lumbar or sacral, with imaging guidance"
* $cpt#64483 "Transforaminal epidural injection, lumbar or sacral, single level, with imaging guidance"

ValueSet: MedicationSystemicGlucocorticoid
Id: medication-systemic-glucocorticoid
Title: "Medications: systemic glucocorticoids (suggestion only)"
Description: "Systemic glucocorticoid ingredients (spec §10.5): an active MedicationRequest first authored at least 90 days before T0, by the oral, IV or IM route only, suggests hx-chronic-steroids; it never decides. RxNorm ingredient RXCUIs (K: verify). Product-level codes (SCD/SBD) match only after a terminology server expands the ingredients (RxNorm has_ingredient)."
* insert ProjectMetadata
* $rxnorm#8640 "prednisone"
* $rxnorm#8638 "prednisolone"
* $rxnorm#6902 "methylprednisolone"
* $rxnorm#3264 "dexamethasone"
* $rxnorm#5492 "hydrocortisone"
* $rxnorm#2878 "cortisone"
* $rxnorm#1514 "betamethasone"
* $rxnorm#10759 "triamcinolone"

ValueSet: MedicationImmunosuppressant
Id: medication-immunosuppressant
Title: "Medications: immunosuppressants (suggestion only)"
Description: "Immunosuppressant ingredients (spec §10.5): an active MedicationRequest suggests hx-immunosuppression; it never decides. RxNorm ingredient RXCUIs (K: verify). Product-level codes (SCD/SBD) match only after a terminology server expands the ingredients (RxNorm has_ingredient)."
* insert ProjectMetadata
* $rxnorm#42316 "tacrolimus"
* $rxnorm#3008 "cyclosporine"
* $rxnorm#68149 "mycophenolate mofetil"
* $rxnorm#1256 "azathioprine"
* $rxnorm#6851 "methotrexate"
* $rxnorm#35302 "sirolimus"
* $rxnorm#141704 "everolimus"
* $rxnorm#3002 "cyclophosphamide"
* $rxnorm#121191 "rituximab"
* $rxnorm#327361 "adalimumab"
* $rxnorm#191831 "infliximab"
* $rxnorm#214555 "etanercept"
