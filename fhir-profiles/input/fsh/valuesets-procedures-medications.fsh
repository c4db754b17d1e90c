// Procedures (spec §10.4) and medications (spec §10.5).

ValueSet: ProcedureSpineSurgery
Id: procedure-spine-surgery
Title: "Procedures: spine surgery (SPINE_SURGERY, RECENT_PROC)"
Description: """
Spine surgery procedures (spec §10.4): any completed one is evidence of SPINE_SURGERY (any date), and of RECENT_PROC when performed within 90 days (§3.6).
CPT: lumbar arthrodesis 22558, 22612, 22630, 22633; lumbar laminotomy/discectomy 63030; lumbar laminectomy/foraminotomy 63047.
SNOMED CT: << 55705006 |Spinal fusion|, curated; a terminology server could widen it to the whole hierarchy and add SNOMED and ICD-10-PCS equivalents of the CPT codes.
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
