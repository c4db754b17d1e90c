CodeSystem: BackPainAnswers
Id: back-pain-answers
Title: "Back-pain red-flag screen: answer codes"
Description: "Answer codes of the choice items of the Questionnaire back-pain-redflags (clinical specification v1.1, §9.1): pain location, trauma mechanism and injection drug use."
* insert ProjectMetadata
* ^caseSensitive = true
* ^content = #complete
* ^valueSet = "http://spine-redflags.org/fhir/ValueSet/back-pain-answers"
// pain-location
* #lumbar "Lumbar" "Pain in the lumbar or lumbosacral region."
* #thoracic "Thoracic" "Pain in the thoracic region."
* #multiple "Multiple regions" "Pain in more than one spinal region."
* #unable "Unable to localise" "The patient cannot localise the pain (e.g. a young child)."
// trauma
* #none "No trauma" "No recent trauma."
* #lifting-twisting "Lifting, twisting or strain" "Lifting, twisting or strain without a fall or blow."
* #minor-fall "Minor fall or blow" "Fall from standing height or less, or a minor blow."
* #major "Major trauma" "Motor-vehicle collision, fall from above standing height, or high-energy blow."
// hx-ivdu
* #current "Current (within 12 months)" "Injection drug use within the past 12 months."
* #past "Past (more than 12 months ago)" "Injection drug use, last more than 12 months ago."
* #never "Never" "No injection drug use."

ValueSet: BackPainAnswersAll
Id: back-pain-answers
Title: "Back-pain red-flag screen: all answer codes"
Description: "Every code of the CodeSystem back-pain-answers."
* insert ProjectMetadata
* include codes from system $answers

CodeSystem: RedFlagRules
Id: red-flag-rules
Title: "Back-pain red-flag rules, advisories and tiers"
Description: "Identifiers of the rule set bp-redflag-1.1 (clinical specification v1.1): red-flag rules (§5, canonical order), advisories (§5.4) and urgency tiers (§2). Written resources carry these codes, e.g. ServiceRequest.reasonCode."
* insert ProjectMetadata
* ^caseSensitive = true
* ^content = #complete
* ^hierarchyMeaning = #is-a
* #rule "Red-flag rule" "A rule of §5. Abstract grouper."
  * ^property[0].code = #notSelectable
  * ^property[0].valueBoolean = true
  * #RF-CES "Suspected cauda equina syndrome" "§5.1, EMERGENT: urinary retention, new incontinence, saddle anaesthesia, bilateral leg deficit or new sexual dysfunction."
  * #RF-NEURO-PROG "Severe or progressive neurological deficit, or cord signs" "§5.1, EMERGENT."
  * #RF-TRAUMA-MAJOR "Major trauma, or a minor fall in an ankylosed spine" "§5.1, EMERGENT."
  * #RF-MOTOR-MAJOR "Major motor weakness" "§5.2, URGENT: weakest lower-limb MRC grade 3 or less (adults)."
  * #RF-INFECTION "Suspected spinal infection" "§5.2, URGENT: spinal epidural abscess, vertebral osteomyelitis or discitis suspected."
  * #RF-ADULT-INFLAM "Adult with raised CRP and spinal tenderness or night pain" "§5.2, URGENT."
  * #RF-FEVER-WORKUP "Fever, inflammatory markers not available" "§5.2, URGENT: laboratory work-up."
  * #RF-PED-INFLAM "Child with raised inflammatory markers" "§5.2, URGENT."
  * #RF-PED-DISC-WORKUP "Probable discitis, inflammatory markers not available" "§5.2, URGENT: laboratory work-up."
  * #RF-PED-NEURO "Child with abnormal neurological examination" "§5.2, URGENT."
  * #RF-CANCER-HX "History of malignancy" "§5.3, SOON, or URGENT with neurological features."
  * #RF-CANCER-MULTI "Multiple weaker malignancy risk factors" "§5.3, SOON."
  * #RF-IMMUNOSUPP "Immunosuppressed" "§5.3, SOON."
  * #RF-FRACTURE-RISK "Vertebral compression fracture risk" "§5.3, SOON."
  * #RF-POSTOP-NEW "Prior spine surgery with new or progressive symptoms" "§5.3, SOON."
  * #RF-PERSISTENT "Pain over 4 weeks despite conservative treatment" "§5.3, SOON."
  * #RF-RADIC-SEVERE "Severe or worsening radicular pain" "§5.3, SOON."
  * #RF-WEIGHT-LOSS "Unexplained weight loss as the only malignancy feature" "§5.3, SOON."
  * #RF-IBP "Inflammatory back pain features" "§5.3, SOON."
  * #RF-INFECT-RISK-WORKUP "Infection risk factor without fever, inflammatory markers not available" "§5.3, URGENT: laboratory work-up."
  * #RF-FEVER-LABS-NEG "Fever with normal current inflammatory markers" "§5.3, SOON: look for a non-spinal source."
  * #RF-PED-REDFLAG "Child with at least one red flag, no higher-level finding" "§5.3, SOON."
* #advisory "Advisory" "An advisory of §5.4; never changes the tier. Abstract grouper."
  * ^property[0].code = #notSelectable
  * ^property[0].valueBoolean = true
  * #ADV-RADICULOPATHY "Nerve-root irritation pattern" "§5.4."
  * #ADV-VISCERAL "Consider a non-spinal cause" "§5.4: renal, biliary or vascular signs."
  * #ADV-DISCREPANCY "Answer contradicts chart evidence" "§5.4, §3.7."
  * #ADV-STALE-ELEVATED "Elevated ESR/CRP too old to use" "§5.4: repeat the analyte."
  * #ADV-IRF-LABS-NEG "Infection risk factor, current ESR and CRP normal" "§5.4."
  * #ADV-DATA-QUALITY "Unusable laboratory or vital-sign result" "§5.4, §3.2."
  * #ADV-NAI "Back injury under 2 years: consider non-accidental injury" "§5.4."
* #tier "Urgency tier" "An urgency tier of §2. Abstract grouper."
  * ^property[0].code = #notSelectable
  * ^property[0].valueBoolean = true
  * #EMERGENT "Emergent" "Immediately; imaging within 4 hours (ServiceRequest.priority stat)."
  * #URGENT "Urgent" "Within 24 hours (ServiceRequest.priority urgent)."
  * #SOON "Soon" "Within 7 days (ServiceRequest.priority routine)."
  * #ROUTINE "Routine" "No red flag: no imaging; conservative care."

ValueSet: RedFlagRuleIds
Id: red-flag-rule-ids
Title: "Red-flag rule ids"
Description: "The red-flag rules of rule set bp-redflag-1.1 (every descendant of `rule` in the CodeSystem red-flag-rules)."
* insert ProjectMetadata
* include codes from system $rules where concept descendent-of #rule

ValueSet: RedFlagAdvisoryIds
Id: red-flag-advisory-ids
Title: "Red-flag advisory ids"
Description: "The advisories of rule set bp-redflag-1.1 (every descendant of `advisory` in the CodeSystem red-flag-rules)."
* insert ProjectMetadata
* include codes from system $rules where concept descendent-of #advisory

ValueSet: RedFlagTiers
Id: red-flag-tiers
Title: "Red-flag urgency tiers"
Description: "The urgency tiers of rule set bp-redflag-1.1 (every descendant of `tier` in the CodeSystem red-flag-rules)."
* insert ProjectMetadata
* include codes from system $rules where concept descendent-of #tier
