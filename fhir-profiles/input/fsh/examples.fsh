// Examples of each profile; every one is validated in the test suite.

Instance: spine-qr-example
InstanceOf: SpineRedFlagQuestionnaireResponse
Usage: #example
Title: "Example: completed back-pain red-flag screen"
Description: "An adult with a cancer history and lumbar pain for 10 days: answers nested in the §9.5 groups."
* identifier.system = "http://spine-redflags.org/fhir/identifier/screening"
* identifier.value = "qr-0001"
* questionnaire = "http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.1"
* status = #completed
* subject = Reference(Patient/example)
* authored = "2026-06-15T09:30:00-05:00"
* author = Reference(Practitioner/example)
* item[+].linkId = "grp-emergency-neuro"
* item[=].item[+].linkId = "urinary-retention"
* item[=].item[=].answer.valueBoolean = false
* item[=].item[+].linkId = "saddle-anesthesia"
* item[=].item[=].answer.valueBoolean = false
* item[+].linkId = "grp-redflag-symptoms"
* item[=].item[+].linkId = "night-pain"
* item[=].item[=].answer.valueBoolean = true
* item[+].linkId = "grp-exam"
* item[=].item[+].linkId = "motor-grade-min"
* item[=].item[=].answer.valueInteger = 5
* item[+].linkId = "grp-history"
* item[=].item[+].linkId = "hx-cancer"
* item[=].item[=].answer.valueBoolean = true
* item[=].item[+].linkId = "hx-ivdu"
* item[=].item[=].answer.valueCoding = $answers#never "Never"
* item[+].linkId = "grp-context"
* item[=].item[+].linkId = "duration-days"
* item[=].item[=].answer.valueInteger = 10
* item[=].item[+].linkId = "pain-location"
* item[=].item[=].answer.valueCoding = $answers#multiple "Multiple regions"
* item[=].item[+].linkId = "trauma"
* item[=].item[=].answer.valueCoding = $answers#none "No trauma"

Instance: spine-imaging-sr-example
InstanceOf: SpineImagingServiceRequest
Usage: #example
Title: "Example: MRI of the whole spine without and with contrast, proposed"
Description: "MRI_WWO COMPLETE (spec §10.6) suggested SOON by RF-CANCER-HX for an adult with multiple pain regions (§7.3 row 4)."
* identifier.system = "http://spine-redflags.org/fhir/identifier/suggestion"
* identifier.value = "sr-0001"
* status = #draft
* intent = #proposal
* category = $sct#363679005 "Imaging"
* priority = #routine
* code.coding[+] = $cpt#72156 "MRI spinal canal and contents, cervical; without contrast material, followed by contrast material(s) and further sequences"
* code.coding[+] = $cpt#72157 "MRI spinal canal and contents, thoracic; without contrast material, followed by contrast material(s) and further sequences"
* code.coding[+] = $cpt#72158 "MRI spinal canal and contents, lumbar; without contrast material, followed by contrast material(s) and further sequences"
* code.coding[+] = $loinc#30855-1 "MR Cervical and thoracic and lumbar spine WO and W contrast IV"
* code.coding[+] = $sct#495741000119105 "MRI of cervical, thoracic, and lumbar spine with contrast"
* code.text = "MRI cervical, thoracic and lumbar spine without and with IV contrast"
* subject = Reference(Patient/example)
* occurrencePeriod.start = "2026-06-15T09:30:00-05:00"
* occurrencePeriod.end = "2026-06-22T09:30:00-05:00"
* authoredOn = "2026-06-15T09:30:00-05:00"
* requester = Reference(Practitioner/example)
* reasonCode[+] = $icd10cm#M54.50 "Low back pain, unspecified"
* reasonCode[+] = $rules#RF-CANCER-HX "History of malignancy"
* reasonReference = Reference(Condition/example-malignancy)
* supportingInfo = Reference(QuestionnaireResponse/spine-qr-example)
* note.text = "Suggested by rule set bp-redflag-1.1: RF-CANCER-HX (history of malignancy, no neurological features: tier SOON, MRI within 7 days). Decision support only: review before signing."

Instance: spine-screening-note-example
InstanceOf: SpineScreeningNote
Usage: #example
Title: "Example: screening note"
Description: "A plain-text screening note for an EHR that accepts only clinical notes."
* identifier.system = "http://spine-redflags.org/fhir/identifier/screening-note"
* identifier.value = "note-0001"
* status = #current
* docStatus = #final
* type = $loinc#11506-3 "Progress note"
* category = $us-core-doc-category#clinical-note "Clinical Note"
* subject = Reference(Patient/example)
* date = "2026-06-15T09:30:00-05:00"
* author = Reference(Practitioner/example)
* description = "Back-pain red-flag screen (bp-redflag-1.1)"
* content.attachment.contentType = #text/plain
* content.attachment.title = "Back-pain red-flag screen"
// "Back-pain red-flag screen (rule set bp-redflag-1.1)\nTier: SOON\nFired: RF-CANCER-HX\nSuggested: MRI cervical, thoracic and lumbar spine without and with IV contrast within 7 days\n"
* content.attachment.data = "QmFjay1wYWluIHJlZC1mbGFnIHNjcmVlbiAocnVsZSBzZXQgYnAtcmVkZmxhZy0xLjEpClRpZXI6IFNPT04KRmlyZWQ6IFJGLUNBTkNFUi1IWApTdWdnZXN0ZWQ6IE1SSSBjZXJ2aWNhbCwgdGhvcmFjaWMgYW5kIGx1bWJhciBzcGluZSB3aXRob3V0IGFuZCB3aXRoIElWIGNvbnRyYXN0IHdpdGhpbiA3IGRheXMK"
