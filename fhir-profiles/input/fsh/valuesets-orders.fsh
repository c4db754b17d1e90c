// Orders: imaging (spec §10.6), laboratory (§10.7) and request reasons (§7.6, §10.3).
// Each imaging value set is one row of §10.6 (key + region), its codings in the order CPT,
// LOINC/RSNA Playbook, RadLex Playbook RPID, SNOMED CT: a builder copies them, in this order,
// into ServiceRequest.code.coding (§7.6). Names follow imaging-<key>-<region>, with the key in
// lower case and `_` written as `-` (MRI_WWO + COMPLETE -> imaging-mri-wwo-complete).

RuleSet: ImagingValueSet
* insert ProjectMetadata
* ^copyright = "CPT codes are copyright of the American Medical Association. LOINC is copyright © Regenstrief Institute, Inc. RadLex is a trademark of the Radiological Society of North America. This value set includes content from SNOMED CT, which is copyright © 2002+ International Health Terminology Standards Development Organisation (IHTSDO)."

ValueSet: ImagingMriWoLumbar
Id: imaging-mri-wo-lumbar
Title: "Imaging order: MRI_WO, LUMBAR"
Description: "MRI lumbar spine without contrast (spec §10.6)."
* insert ImagingValueSet
* $cpt#72148 "MRI spinal canal and contents, lumbar; without contrast material"
* $loinc#30679-5 "MR Lumbar spine WO contrast"
* $radlex#RPID541 "MR Lumbar Spine wo IV Contrast"
* $sct#394451000119106 "MRI of lumbar spine without contrast"

ValueSet: ImagingMriWwoLumbar
Id: imaging-mri-wwo-lumbar
Title: "Imaging order: MRI_WWO, LUMBAR"
Description: "MRI lumbar spine without and with contrast (spec §10.6). The SNOMED CT concept is the nearest one (\"with\", not \"without and with\")."
* insert ImagingValueSet
* $cpt#72158 "MRI spinal canal and contents, lumbar; without contrast material, followed by contrast material(s) and further sequences"
* $loinc#24967-2 "MR Lumbar spine WO and W contrast IV"
* $radlex#RPID500 "MR Lumbar Spine w and wo IV Contrast"
* $sct#41333006 "MRI of lumbar spine with contrast"

ValueSet: ImagingMriWoThoracic
Id: imaging-mri-wo-thoracic
Title: "Imaging order: MRI_WO, THORACIC"
Description: "MRI thoracic spine without contrast (spec §10.6)."
* insert ImagingValueSet
* $cpt#72146 "MRI spinal canal and contents, thoracic; without contrast material"
* $loinc#36532-0 "MR Thoracic spine WO contrast"
* $radlex#RPID542
* $sct#396171000119100 "MRI of thoracic spine without contrast"

ValueSet: ImagingMriWwoThoracic
Id: imaging-mri-wwo-thoracic
Title: "Imaging order: MRI_WWO, THORACIC"
Description: "MRI thoracic spine without and with contrast (spec §10.6). The SNOMED CT concept is the nearest one (\"with\", not \"without and with\")."
* insert ImagingValueSet
* $cpt#72157 "MRI spinal canal and contents, thoracic; without contrast material, followed by contrast material(s) and further sequences"
* $loinc#24981-3 "MR Thoracic spine WO and W contrast IV"
* $radlex#RPID544
* $sct#91333005 "MRI of thoracic spine with contrast"

ValueSet: ImagingMriWoComplete
Id: imaging-mri-wo-complete
Title: "Imaging order: MRI_WO, COMPLETE"
Description: "MRI of the cervical, thoracic and lumbar spine without contrast (spec §10.6). No single CPT code covers the whole spine: the three regional codes are listed. No RadLex Playbook RPID exists in the core Playbook."
* insert ImagingValueSet
* $cpt#72141 "MRI spinal canal and contents, cervical; without contrast material"
* $cpt#72146 "MRI spinal canal and contents, thoracic; without contrast material"
* $cpt#72148 "MRI spinal canal and contents, lumbar; without contrast material"
* $loinc#30854-4 "MR Cervical and thoracic and lumbar spine WO contrast"
* $sct#411611000119102 "MRI of cervical, thoracic, and lumbar spine without contrast"

ValueSet: ImagingMriWwoComplete
Id: imaging-mri-wwo-complete
Title: "Imaging order: MRI_WWO, COMPLETE"
Description: "MRI of the cervical, thoracic and lumbar spine without and with contrast (spec §10.6). The three regional CPT codes are listed; no RadLex RPID; the SNOMED CT concept is the nearest one."
* insert ImagingValueSet
* $cpt#72156 "MRI spinal canal and contents, cervical; without contrast material, followed by contrast material(s) and further sequences"
* $cpt#72157 "MRI spinal canal and contents, thoracic; without contrast material, followed by contrast material(s) and further sequences"
* $cpt#72158 "MRI spinal canal and contents, lumbar; without contrast material, followed by contrast material(s) and further sequences"
* $loinc#30855-1 "MR Cervical and thoracic and lumbar spine WO and W contrast IV"
* $sct#495741000119105 "MRI of cervical, thoracic, and lumbar spine with contrast"

ValueSet: ImagingCtWoLumbar
Id: imaging-ct-wo-lumbar
Title: "Imaging order: CT_WO, LUMBAR"
Description: "CT lumbar spine without contrast (spec §10.6)."
* insert ImagingValueSet
* $cpt#72131 "CT lumbar spine; without contrast material"
* $loinc#30620-9 "CT Lumbar spine WO contrast"
* $radlex#RPID31
* $sct#572091000119106 "CT of lumbar spine without contrast"

ValueSet: ImagingCtWoThoracic
Id: imaging-ct-wo-thoracic
Title: "Imaging order: CT_WO, THORACIC"
Description: "CT thoracic spine without contrast (spec §10.6)."
* insert ImagingValueSet
* $cpt#72128 "CT thoracic spine; without contrast material"
* $loinc#30597-9 "CT Thoracic spine WO contrast"
* $radlex#RPID51
* $sct#572081000119108 "CT of thoracic spine without contrast"

ValueSet: ImagingCtWoComplete
Id: imaging-ct-wo-complete
Title: "Imaging order: CT_WO, COMPLETE"
Description: "CT of the thoracic and lumbar spine without contrast (spec §10.6; COMPLETE means thoracic + lumbar for CT). LOINC 83310-3 is K (verify); no RadLex RPID."
* insert ImagingValueSet
* $cpt#72128 "CT thoracic spine; without contrast material"
* $cpt#72131 "CT lumbar spine; without contrast material"
* $loinc#83310-3 "CT Thoracic and lumbar spine WO contrast"
* $sct#702487007 "Computed tomography of thoracic and lumbar spine"

ValueSet: ImagingXrLumbar
Id: imaging-xr-lumbar
Title: "Imaging order: XR, LUMBAR"
Description: "Radiograph of the lumbar spine (spec §10.6)."
* insert ImagingValueSet
* $cpt#72100 "Radiologic examination, spine, lumbosacral; 2 or 3 views"
* $loinc#24970-6 "XR Lumbar spine AP and Lateral"
* $radlex#RPID2652 "XR Lumbar Spine AP and Lateral"
* $sct#840361000 "Plain X-ray of lumbar vertebral column region"

ValueSet: ImagingXrThoracic
Id: imaging-xr-thoracic
Title: "Imaging order: XR, THORACIC"
Description: "Radiograph of the thoracic spine (spec §10.6)."
* insert ImagingValueSet
* $cpt#72070 "Radiologic examination, spine; thoracic, 2 views"
* $loinc#30753-8 "XR Thoracic spine AP and Lateral"
* $radlex#RPID2666 "XR Thoracic Spine 2 Views"
* $sct#1290654008 "Plain X-ray of thoracic vertebral column region"

ValueSet: ImagingXrComplete
Id: imaging-xr-complete
Title: "Imaging order: XR, COMPLETE"
Description: "Radiograph of the thoracic and lumbar spine (spec §10.6; COMPLETE means thoracic + lumbar for radiographs)."
* insert ImagingValueSet
* $cpt#72082 "Radiologic examination, spine, entire thoracic and lumbar; 2 or 3 views"
* $loinc#24984-7 "XR Thoracic and lumbar spine 2 Views"
* $radlex#RPID2667 "XR Thoracolumbar Spine 2 Views"
* $sct#444634007 "Plain X-ray of thoracic and lumbar spine"

ValueSet: ImagingXrPelvisPelvis
Id: imaging-xr-pelvis-pelvis
Title: "Imaging order: XR_PELVIS, PELVIS"
Description: "Radiograph of the pelvis (sacroiliac joints; spec §10.6): only ever a secondary study (RF-IBP, §7.2)."
* insert ImagingValueSet
* $cpt#72170 "Radiologic examination, pelvis; 1 or 2 views"
* $loinc#28561-9 "XR Pelvis Views"
* $radlex#RPID2709 "XR Pelvis 1-2 Views"
* $sct#713021002 "Plain X-ray of pelvis"

ValueSet: ImagingSpine
Id: imaging-spine
Title: "Imaging orders: every row of §10.6"
Description: "Every imaging order the rules can suggest (spec §10.6): the spine studies of each key and region and the pelvis radiograph (sacroiliac joints) of RF-IBP. The code of an imaging ServiceRequest proposal is bound to it."
* insert ImagingValueSet
* include codes from valueset ImagingMriWoLumbar
* include codes from valueset ImagingMriWwoLumbar
* include codes from valueset ImagingMriWoThoracic
* include codes from valueset ImagingMriWwoThoracic
* include codes from valueset ImagingMriWoComplete
* include codes from valueset ImagingMriWwoComplete
* include codes from valueset ImagingCtWoLumbar
* include codes from valueset ImagingCtWoThoracic
* include codes from valueset ImagingCtWoComplete
* include codes from valueset ImagingXrLumbar
* include codes from valueset ImagingXrThoracic
* include codes from valueset ImagingXrComplete
* include codes from valueset ImagingXrPelvisPelvis

RuleSet: LabValueSet
* insert LoincValueSet

ValueSet: LabOrderEsr
Id: lab-order-esr
Title: "Laboratory order: ESR"
Description: "Orderable ESR (spec §10.7); the first code is the one the output object reports (analyte ESR, 4537-7)."
* insert LabValueSet
* $loinc#4537-7 "Erythrocyte sedimentation rate by Westergren method"
* $loinc#30341-2 "Erythrocyte sedimentation rate"

ValueSet: LabOrderCrp
Id: lab-order-crp
Title: "Laboratory order: CRP"
Description: "Orderable CRP (spec §10.7)."
* insert LabValueSet
* $loinc#1988-5 "C reactive protein [Mass/volume] in Serum or Plasma"

ValueSet: LabOrderCbc
Id: lab-order-cbc
Title: "Laboratory order: CBC"
Description: "Orderable complete blood count (spec §10.7)."
* insert LabValueSet
* $loinc#58410-2 "CBC panel - Blood by Automated count"

ValueSet: LabOrderBloodCulture
Id: lab-order-blood-culture
Title: "Laboratory order: blood culture"
Description: "Orderable blood culture (spec §10.7; ×2 when suggested)."
* insert LabValueSet
* $loinc#600-7 "Bacteria identified in Blood by Culture"

ValueSet: LabOrderUrinalysis
Id: lab-order-urinalysis
Title: "Laboratory order: urinalysis"
Description: "Orderable urinalysis (spec §10.7)."
* insert LabValueSet
* $loinc#24357-6 "Urinalysis macro (dipstick) panel - Urine"

ValueSet: LabOrders
Id: lab-orders
Title: "Laboratory orders: every analyte of §10.7"
Description: "Every laboratory order the rules can suggest (spec §7.4, §10.7), in the output order ESR, CRP, CBC, BLOOD_CULTURE, URINALYSIS."
* insert LabValueSet
* include codes from valueset LabOrderEsr
* include codes from valueset LabOrderCrp
* include codes from valueset LabOrderCbc
* include codes from valueset LabOrderBloodCulture
* include codes from valueset LabOrderUrinalysis

ValueSet: ReasonBackPain
Id: reason-back-pain
Title: "Request reason: back pain"
Description: "Reason codes of an imaging or laboratory request (spec §7.6, §10.3): the encounter's back-pain diagnosis. ICD-10-CM codes are K (verify); compared without the dot and case-insensitively."
* insert ConditionValueSet
* $icd10cm#M54.50 "Low back pain, unspecified"
* $icd10cm#M54.59 "Other low back pain"
* $icd10cm#M54.6 "Pain in thoracic spine"
* $icd10cm#M62.830 "Muscle spasm of back"
* $sct#279039007 "Low back pain"

ValueSet: ImagingRequestReason
Id: imaging-request-reason
Title: "Request reason: back pain or red-flag rule"
Description: "ServiceRequest.reasonCode of a proposal: the back-pain diagnosis (reason-back-pain) or a fired red-flag rule (red-flag-rule-ids), each reasonCode one or the other."
* insert ProjectMetadata
* include codes from valueset ReasonBackPain
* include codes from valueset RedFlagRuleIds

ValueSet: ScreeningNoteType
Id: screening-note-type
Title: "Screening note document type"
Description: "DocumentReference.type of the screening note written where an EHR cannot accept a QuestionnaireResponse or ServiceRequest: LOINC clinical note types that EHR note-writing APIs commonly accept."
* insert LoincValueSet
* $loinc#11506-3 "Progress note"
* $loinc#11488-4 "Consult note"

ValueSet: ReasonLowBackPainDefault
Id: reason-low-back-pain-default
Title: "Request reason when the chart has none: low back pain"
Description: "The reasonCode a proposal carries when the chart holds no back-pain diagnosis for the encounter and the pain is lumbar, multiple or unlocalised (spec §7.6): ICD-10-CM M54.50 (K), compared without the dot and case-insensitively. A subset of reason-back-pain."
* insert ConditionValueSet
* $icd10cm#M54.50 "Low back pain, unspecified"

ValueSet: ReasonThoracicBackPainDefault
Id: reason-thoracic-back-pain-default
Title: "Request reason when the chart has none: thoracic back pain"
Description: "The reasonCode a proposal carries when the chart holds no back-pain diagnosis for the encounter and the pain is thoracic (spec §7.6): ICD-10-CM M54.6 (K), compared without the dot and case-insensitively. A subset of reason-back-pain."
* insert ConditionValueSet
* $icd10cm#M54.6 "Pain in thoracic spine"

ValueSet: ServiceRequestCategoryImaging
Id: service-request-category-imaging
Title: "ServiceRequest category: imaging"
Description: "The category of an imaging proposal (spec §7.6; US Core ServiceRequest category): SNOMED CT 363679005 Imaging (V)."
* insert ConditionValueSet
* $sct#363679005 "Imaging"
