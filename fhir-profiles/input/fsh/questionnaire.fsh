// The clinician questionnaire of clinical specification v1.1 §9: every item of §9.1 with its
// linkId, short text, type and requirement, nested in the presentation groups of §9.5 (in the
// §9.5 order). Age-dependent items use SDC enableWhenExpression over %patient.birthDate (SDC
// launchContext `patient`); they are written so that an unknown or partial birth date enables
// both age groups (spec §8.4). The app itself takes age-dependence and the enabling of
// postop-new-symptoms from the engine, not from these expressions.

// Enablement by age, as FHIRPath over the SDC launch context. An indeterminate comparison
// (partial or missing birthDate) is empty, and iif() then takes the "enabled" branch.
RuleSet: AdultsOnly
* extension[+].url = $sdc-enableWhenExpression
* extension[=].valueExpression.description = "Adults only (AGE >= 18). Enabled unless the birth date shows a child: an unknown or partial birth date enables it (spec §8.4). The app takes age-dependence from the engine."
* extension[=].valueExpression.language = #text/fhirpath
* extension[=].valueExpression.expression = "iif(%patient.birthDate > today() - 18 years, false, true)"

RuleSet: ChildrenOnly
* extension[+].url = $sdc-enableWhenExpression
* extension[=].valueExpression.description = "Children only (AGE < 18). Enabled unless the birth date shows an adult: an unknown or partial birth date enables it (spec §8.4). The app takes age-dependence from the engine."
* extension[=].valueExpression.language = #text/fhirpath
* extension[=].valueExpression.expression = "iif(%patient.birthDate <= today() - 18 years, false, true)"

RuleSet: FromAge12
* extension[+].url = $sdc-enableWhenExpression
* extension[=].valueExpression.description = "Required from age 12 (R12), disabled below 12. Enabled unless the birth date shows a child under 12: an unknown or partial birth date enables it (spec §8.4). The app takes age-dependence from the engine."
* extension[=].valueExpression.language = #text/fhirpath
* extension[=].valueExpression.expression = "iif(%patient.birthDate > today() - 12 years, false, true)"

RuleSet: IntegerRange(min, max)
* extension[+].url = $minValue
* extension[=].valueInteger = {min}
* extension[+].url = $maxValue
* extension[=].valueInteger = {max}

// Pre-population hints (SDC). `valid` = not refuted / entered-in-error (spec §9.4, A7h);
// `current` approximates the CURRENT filter of §3.6. Implementations must also apply §3.6.
RuleSet: QueryVariable(name, query)
* extension[+].url = $variable
* extension[=].valueExpression.name = "{name}"
* extension[=].valueExpression.language = #application/x-fhir-query
* extension[=].valueExpression.expression = "{query}"

RuleSet: InitialTrueIf(description, fhirpath)
* extension[+].url = $sdc-initialExpression
* extension[=].valueExpression.description = "{description}"
* extension[=].valueExpression.language = #text/fhirpath
* extension[=].valueExpression.expression = "{fhirpath}"

Instance: BackPainRedFlags
InstanceOf: Questionnaire
Usage: #definition
Title: "Back pain red-flag screen"
Description: "Clinician questionnaire of the back-pain red-flag screen (clinical specification v1.1, §9)."
* id = "back-pain-redflags"
* url = "http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags"
* version = "1.1"
* name = "BackPainRedFlags"
* title = "Back pain red-flag screen"
* insert ProjectInstanceMetadata
* subjectType = #Patient
* description = """
Clinician questionnaire of the back-pain red-flag screen (clinical specification v1.1, rule set bp-redflag-1.1). Items follow §9.1 (linkIds, short texts, types, requirement codes) inside the presentation groups of §9.5; answers to choice items come from the CodeSystem http://spine-redflags.org/fhir/CodeSystem/back-pain-answers.

Enablement: conditional items use enableWhen, or SDC enableWhenExpression where the condition is also age-dependent; age-dependent items (A adults, P children, R12 from age 12) use enableWhenExpression over %patient.birthDate, and enable both age groups when the birth date is unknown or partial (§8.4). The screening app takes age-dependence, and the enabling of postop-new-symptoms (derived fact SPINE_SURGERY, chart or answer, §9.2), from its rule engine.

Pre-population (SDC): x-fhir-query variables read the chart through the project's ValueSets; initialExpression pre-fills only chart-authoritative evidence (§3.7) and never pre-fills a negative answer; variables marked "suggestion" are shown as prompts and never pre-fill. Implementations must also apply the status and date filters of §3.6. The engine ignores the hidden item age-years and computes age from Patient.birthDate.
"""
* extension[+].url = $sdc-launchContext
* extension[=].extension[+].url = "name"
* extension[=].extension[=].valueCoding = $sdc-launchContextCodes#patient "Patient"
* extension[=].extension[+].url = "type"
* extension[=].extension[=].valueCode = #Patient
* extension[=].extension[+].url = "description"
* extension[=].extension[=].valueString = "The patient being screened: its birthDate drives the age-dependent items and its id the pre-population queries."
* insert QueryVariable(backPainConditions, [[Condition?patient={{%patient.id}}&clinical-status=active&code:in=http://spine-redflags.org/fhir/ValueSet/condition-back-pain]])
* insert QueryVariable(painScores, [[Observation?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/pain-score&date=ge{{today() - 7 days}}&_sort=-date]])
* insert QueryVariable(bodyWeights, [[Observation?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/body-weight&date=ge{{today() - 180 days}}&_sort=-date]])
* insert QueryVariable(malignancyConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-malignancy]])
* insert QueryVariable(osteoporosisConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-osteoporosis]])
* insert QueryVariable(osteoporoticFractureHistory, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-osteoporosis-history-fracture]])
* insert QueryVariable(steroidLongtermConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-steroid-longterm]])
* insert QueryVariable(suggestionSteroidHistory, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-steroid-history]])
* insert QueryVariable(suggestionGlucocorticoidMedications, [[MedicationRequest?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/medication-systemic-glucocorticoid&status=active]])
* insert QueryVariable(immunosuppressionConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-immunosuppression]])
* insert QueryVariable(suggestionImmunosuppressantMedications, [[MedicationRequest?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/medication-immunosuppressant&status=active]])
* insert QueryVariable(ivduConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-ivdu]])
* insert QueryVariable(suggestionSubstanceUse, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-substance-use-prompt]])
* insert QueryVariable(diabetesConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-diabetes]])
* insert QueryVariable(spineSurgeryConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-spine-surgery]])
* insert QueryVariable(spineSurgeryProcedures, [[Procedure?patient={{%patient.id}}&status=completed&code:in=http://spine-redflags.org/fhir/ValueSet/procedure-spine-surgery]])
* insert QueryVariable(suggestionArthrodesisStatus, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-arthrodesis-status-prompt]])
* insert QueryVariable(recentSpineProcedures, [[Procedure?patient={{%patient.id}}&status=completed&date=ge{{today() - 90 days}}&code:in=http://spine-redflags.org/fhir/ValueSet/procedure-spine-surgery,http://spine-redflags.org/fhir/ValueSet/procedure-spinal-injection]])
* insert QueryVariable(suggestionRecentInfections, [[Condition?patient={{%patient.id}}&onset-date=ge{{today() - 30 days}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-recent-infection]])
* insert QueryVariable(dialysisConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-dialysis]])
* insert QueryVariable(chronicLiverConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-chronic-liver]])
* insert QueryVariable(ankylosedConditions, [[Condition?patient={{%patient.id}}&code:in=http://spine-redflags.org/fhir/ValueSet/condition-ankylosed-spine]])

// Hidden, calculated age in completed years (may be shown; never read by the engine, §9.2).
* item[+].linkId = "age-years"
* item[=].text = "Age (completed years)"
* item[=].type = #integer
* item[=].required = false
* item[=].readOnly = true
* item[=].extension[+].url = $hidden
* item[=].extension[=].valueBoolean = true
* item[=].extension[+].url = $sdc-calculatedExpression
* item[=].extension[=].valueExpression.description = "Completed years from a full birthDate to today (a 29 February birthday is reached on 1 March); empty for a partial or missing birthDate. Display only: the engine computes age from Patient.birthDate (spec §3.1)."
* item[=].extension[=].valueExpression.language = #text/fhirpath
* item[=].extension[=].valueExpression.expression = "iif(%patient.birthDate.toString().length() = 10, today().toString().substring(0, 4).toInteger() - %patient.birthDate.toString().substring(0, 4).toInteger() - iif(today().toString().substring(5, 5) < %patient.birthDate.toString().substring(5, 5), 1, 0))"

// Group 1 (§9.5)
* item[+].linkId = "grp-emergency-neuro"
* item[=].text = "Emergency neurological symptoms"
* item[=].type = #group
* item[=].item[+].linkId = "urinary-retention"
* item[=].item[=].text = "New urinary retention / difficulty initiating micturition"
* item[=].item[=].text.extension[+].url = $cqf-expression
* item[=].item[=].text.extension[=].valueExpression.description = "Under 4 years: wording for a child who is not yet reliably toilet-trained (spec §9.1, B12d). Display only."
* item[=].item[=].text.extension[=].valueExpression.language = #text/fhirpath
* item[=].item[=].text.extension[=].valueExpression.expression = "iif(%patient.birthDate > today() - 4 years, 'New retention of urine or much less voiding than usual', 'New urinary retention / difficulty initiating micturition')"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "incontinence-new"
* item[=].item[=].text = "New urinary or faecal incontinence"
* item[=].item[=].text.extension[+].url = $cqf-expression
* item[=].item[=].text.extension[=].valueExpression.description = "Under 4 years: wording for a child who is not yet reliably toilet-trained (spec §9.1, B12d). Display only."
* item[=].item[=].text.extension[=].valueExpression.language = #text/fhirpath
* item[=].item[=].text.extension[=].valueExpression.expression = "iif(%patient.birthDate > today() - 4 years, 'New change in bladder or bowel pattern, or loss of toilet training', 'New urinary or faecal incontinence')"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "saddle-anesthesia"
* item[=].item[=].text = "Saddle (perineal/perianal/genital) numbness"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "bilateral-leg-deficit"
* item[=].item[=].text = "New bilateral sciatica, or bilateral leg weakness/numbness"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "sexual-dysfunction-new"
* item[=].item[=].text = "New sexual dysfunction (loss of genital sensation, new erectile or ejaculatory dysfunction)"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert FromAge12
* item[=].item[+].linkId = "neuro-progressive"
* item[=].item[=].text = "Neurological deficit is progressing"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "motor-multilevel"
* item[=].item[=].text = "Motor deficit at more than one nerve-root level"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "cord-signs"
* item[=].item[=].text = "New unsteady gait/ataxia, a sensory level, or upper-motor-neuron signs (hyperreflexia, clonus, extensor plantar)"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true

// Group 2 (§9.5)
* item[+].linkId = "grp-redflag-symptoms"
* item[=].text = "Red-flag symptoms and pain pattern"
* item[=].type = #group
* item[=].item[+].linkId = "fever-reported"
* item[=].item[=].text = "Fever or chills reported in the past 7 days"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=].item[+].linkId = "fever-reported-help"
* item[=].item[=].item[=].text = "Count it even if an antipyretic (paracetamol, ibuprofen or another NSAID) was taken; a normal temperature within 6 h of an antipyretic does not exclude fever."
* item[=].item[=].item[=].type = #display
* item[=].item[=].item[=].extension[+].url = $itemControl
* item[=].item[=].item[=].extension[=].valueCodeableConcept = $item-control#help "Help-Button"
* item[=].item[+].linkId = "weight-loss-unexplained"
* item[=].item[=].text = "Unexplained weight loss"
* item[=].item[=].text.extension[+].url = $cqf-expression
* item[=].item[=].text.extension[=].valueExpression.description = "Children (AGE < 18) get the widened wording (spec §9.1, B4); an unknown or partial birth date gets it too. Display only."
* item[=].item[=].text.extension[=].valueExpression.language = #text/fhirpath
* item[=].item[=].text.extension[=].valueExpression.expression = "iif(%patient.birthDate <= today() - 18 years, 'Unexplained weight loss', 'Unexplained weight loss, night sweats, pallor, bruising, lymphadenopathy or abdominal mass')"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "night-pain"
* item[=].item[=].text = "Pain at night / waking from sleep"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "constant-pain"
* item[=].item[=].text = "Constant (non-mechanical) pain"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert ChildrenOnly
* item[=].item[+].linkId = "ibp-features"
* item[=].item[=].text = "At least 2 of: morning stiffness > 30 min; improvement with exercise but not with rest; waking in the second half of the night; alternating buttock pain"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert AdultsOnly
* item[=].item[+].linkId = "visceral-signs"
* item[=].item[=].text = "Flank pain with dysuria/haematuria/colic; biliary colic; pulsatile abdominal mass, sudden severe tearing pain or haemodynamic change"
* item[=].item[=].type = #boolean
* item[=].item[=].required = false

// Group 3 (§9.5)
* item[+].linkId = "grp-exam"
* item[=].text = "Neurological and spinal examination"
* item[=].type = #group
* item[=].item[+].linkId = "point-tenderness"
* item[=].item[=].text = "Midline point/percussion tenderness over the spine"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "radicular-pain"
* item[=].item[=].text = "Pain radiating below the knee in a dermatomal pattern"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "radicular-severe-worsening"
* item[=].item[=].text = "Radicular pain severe or worsening"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=].extension[+].url = $sdc-enableWhenExpression
* item[=].item[=].extension[=].valueExpression.description = "Adults only (A), and only when radicular-pain is answered Yes. An unknown or partial birth date does not disable it (spec §8.4)."
* item[=].item[=].extension[=].valueExpression.language = #text/fhirpath
* item[=].item[=].extension[=].valueExpression.expression = "iif(%patient.birthDate > today() - 18 years, false, true) and %resource.repeat(item | answer.item).where(linkId = 'radicular-pain').answer.value.where($this = true).exists()"
* item[=].item[+].linkId = "slr-positive"
* item[=].item[=].text = "Straight-leg raise reproduces leg pain"
* item[=].item[=].type = #boolean
* item[=].item[=].required = false
* item[=].item[+].linkId = "slr-angle"
* item[=].item[=].text = "Straight-leg raise angle (°)"
* item[=].item[=].type = #integer
* item[=].item[=].required = false
* item[=].item[=] insert IntegerRange(0, 90)
* item[=].item[=].extension[+].url = $questionnaire-unit
* item[=].item[=].extension[=].valueCoding = $ucum#deg "degree"
* item[=].item[=].enableWhen[+].question = "slr-positive"
* item[=].item[=].enableWhen[=].operator = #=
* item[=].item[=].enableWhen[=].answerBoolean = true
* item[=].item[+].linkId = "abnormal-neuro-exam"
* item[=].item[=].text = "Abnormal neurological examination"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert ChildrenOnly
* item[=].item[+].linkId = "motor-grade-min"
* item[=].item[=].text = "Weakest lower-limb MRC grade (5 = normal)"
* item[=].item[=].type = #integer
* item[=].item[=].required = true
* item[=].item[=] insert IntegerRange(0, 5)
* item[=].item[=] insert AdultsOnly

// Group 4 (§9.5): children only
* item[+].linkId = "grp-pediatric"
* item[=].text = "Paediatric features"
* item[=].type = #group
* item[=] insert ChildrenOnly
* item[=].item[+].linkId = "limp"
* item[=].item[=].text = "Limp or refusal to walk/bear weight"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert ChildrenOnly
* item[=].item[+].linkId = "irritability"
* item[=].item[=].text = "Irritability"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert ChildrenOnly
* item[=].item[+].linkId = "decreased-rom"
* item[=].item[=].text = "Decreased spinal ROM / refuses to bend or sit / new or painful spinal deformity (scoliosis, kyphosis)"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert ChildrenOnly
* item[=].item[+].linkId = "morning-stiffness"
* item[=].item[=].text = "Early-morning stiffness"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert ChildrenOnly

// Group 5 (§9.5)
* item[+].linkId = "grp-history"
* item[=].text = "History and risk factors"
* item[=].type = #group
* item[=].item[+].linkId = "hx-cancer"
* item[=].item[=].text = "History of malignancy (excluding non-melanoma skin cancer)"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has a malignancy (condition-malignancy, any clinical status, not refuted or entered-in-error). Chart-authoritative (§3.7).]], [[iif(%malignancyConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not()).exists(), true)]])
* item[=].item[+].linkId = "hx-osteoporosis"
* item[=].item[=].text = "Osteoporosis or prior fragility fracture"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has osteoporosis that is not resolved, or a history of osteoporotic fracture (Z87.310, any status). Chart-authoritative (§3.6, §3.7).]], [[iif(%osteoporosisConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not() and clinicalStatus.coding.where(code = 'resolved').exists().not()).exists() or %osteoporoticFractureHistory.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not()).exists(), true)]])
* item[=].item[+].linkId = "hx-chronic-steroids"
* item[=].item[=].text = "Systemic glucocorticoids ≥3 months"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has Z79.52 long-term systemic steroid use, current. Chart-authoritative; medications and history-of codes (variables suggestion*) are suggestions only (§3.7, §9.3).]], [[iif(%steroidLongtermConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not() and (clinicalStatus.exists().not() or clinicalStatus.coding.where(code in ('active' | 'recurrence' | 'relapse')).exists()) and abatement.exists().not()).exists(), true)]])
* item[=].item[+].linkId = "hx-immunosuppression"
* item[=].item[=].text = "Immunosuppressed (HIV, transplant, immunodeficiency, immunosuppressant drugs, chemotherapy)"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has a current immunosuppression condition. Chart-authoritative; immunosuppressant medications are a suggestion only (§3.7, §9.3).]], [[iif(%immunosuppressionConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not() and (clinicalStatus.exists().not() or clinicalStatus.coding.where(code in ('active' | 'recurrence' | 'relapse')).exists()) and abatement.exists().not()).exists(), true)]])
* item[=].item[+].linkId = "hx-ivdu"
* item[=].item[=].text = "Injection drug use"
* item[=].item[=].type = #choice
* item[=].item[=].required = true
* item[=].item[=].answerOption[+].valueCoding = $answers#current "Current (within 12 months)"
* item[=].item[=].answerOption[+].valueCoding = $answers#past "Past (more than 12 months ago)"
* item[=].item[=].answerOption[+].valueCoding = $answers#never "Never"
* item[=].item[=] insert InitialTrueIf([[Current when the chart has explicit, current injection drug use (condition-ivdu). Chart-authoritative; opioid and other substance use disorders only prompt (§3.7, §8.3).]], [[iif(%ivduConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not() and (clinicalStatus.exists().not() or clinicalStatus.coding.where(code in ('active' | 'recurrence' | 'relapse')).exists()) and abatement.exists().not()).exists(), %questionnaire.repeat(item).where(linkId = 'hx-ivdu').answerOption.value.where(code = 'current'))]])
* item[=].item[+].linkId = "hx-diabetes"
* item[=].item[=].text = "Diabetes mellitus"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has current diabetes mellitus. Chart-authoritative (§3.7).]], [[iif(%diabetesConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not() and (clinicalStatus.exists().not() or clinicalStatus.coding.where(code in ('active' | 'recurrence' | 'relapse')).exists()) and abatement.exists().not()).exists(), true)]])
* item[=].item[+].linkId = "hx-chronic-liver"
* item[=].item[=].text = "Chronic liver disease (cirrhosis) or alcohol use disorder"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has current cirrhosis or alcohol dependence. Chart-authoritative (§3.7).]], [[iif(%chronicLiverConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not() and (clinicalStatus.exists().not() or clinicalStatus.coding.where(code in ('active' | 'recurrence' | 'relapse')).exists()) and abatement.exists().not()).exists(), true)]])
* item[=].item[+].linkId = "hx-spine-surgery"
* item[=].item[=].text = "Previous spine surgery (incl. spinal hardware)"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has a prior spine surgery condition (any status) or a completed spine surgery procedure. Chart-authoritative; Z98.1 arthrodesis status is a suggestion only (§3.7, §9.3).]], [[iif(%spineSurgeryConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not()).exists() or %spineSurgeryProcedures.entry.resource.where(status = 'completed').exists(), true)]])
* item[=].item[+].linkId = "hx-spine-procedure-90d"
* item[=].item[=].text = "Spine surgery, epidural or other spinal procedure in last 90 days"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has a completed spine surgery or spinal injection within 90 days. Chart-authoritative (§3.7).]], [[iif(%recentSpineProcedures.entry.resource.where(status = 'completed').exists(), true)]])
* item[=].item[+].linkId = "hx-recent-infection-30d"
* item[=].item[=].text = "Bacterial infection/bacteraemia (UTI, skin, endocarditis…) in last 30 days"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[+].linkId = "hx-dialysis-catheter"
* item[=].item[=].text = "Haemodialysis or indwelling vascular catheter"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has current dependence on renal dialysis. Chart-authoritative (§3.7).]], [[iif(%dialysisConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not() and (clinicalStatus.exists().not() or clinicalStatus.coding.where(code in ('active' | 'recurrence' | 'relapse')).exists()) and abatement.exists().not()).exists(), true)]])
* item[=].item[+].linkId = "hx-ankylosing"
* item[=].item[=].text = "Ankylosing spondylitis or DISH (ankylosed, fused spine)"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=] insert AdultsOnly
* item[=].item[=] insert InitialTrueIf([[Yes when the chart has ankylosing spondylitis or DISH (any clinical status). Chart-authoritative (§3.7).]], [[iif(%ankylosedConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not()).exists(), true)]])

// Group 6 (§9.5)
* item[+].linkId = "grp-context"
* item[=].text = "Episode context"
* item[=].type = #group
* item[=].item[+].linkId = "duration-days"
* item[=].item[=].text = "Days since this episode of back pain began"
* item[=].item[=].type = #integer
* item[=].item[=].required = true
* item[=].item[=].extension[+].url = $minValue
* item[=].item[=].extension[=].valueInteger = 0
* item[=].item[=].extension[+].url = $questionnaire-unit
* item[=].item[=].extension[=].valueCoding = $ucum#d "day"
* item[=].item[=].extension[+].url = $variable
* item[=].item[=].extension[=].valueExpression.name = "backPainOnset"
* item[=].item[=].extension[=].valueExpression.description = "Pre-population hint: onset of the active back-pain Condition (M54.5x, M62.830; variable backPainConditions). FHIRPath R4 cannot subtract dates, so the app computes the whole days from this onset to T0 and offers them as a suggestion."
* item[=].item[=].extension[=].valueExpression.language = #text/fhirpath
* item[=].item[=].extension[=].valueExpression.expression = "%backPainConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not()).onset.ofType(dateTime).min()"
* item[=].item[+].linkId = "pain-location"
* item[=].item[=].text = "Where is the pain?"
* item[=].item[=].type = #choice
* item[=].item[=].required = true
* item[=].item[=].answerOption[+].valueCoding = $answers#lumbar "Lumbar"
* item[=].item[=].answerOption[+].valueCoding = $answers#thoracic "Thoracic"
* item[=].item[=].answerOption[+].valueCoding = $answers#multiple "Multiple regions"
* item[=].item[=].answerOption[+].valueCoding = $answers#unable "Unable to localise"
* item[=].item[+].linkId = "pain-nrs"
* item[=].item[=].text = "Pain now (0–10)"
* item[=].item[=].type = #integer
* item[=].item[=].required = false
* item[=].item[=] insert IntegerRange(0, 10)
* item[=].item[=] insert InitialTrueIf([[The latest final, amended or corrected pain score within 7 days (pain-score).]], [[%painScores.entry.resource.where(status in ('final' | 'amended' | 'corrected')).value.ofType(Quantity).value.first().truncate()]])
* item[=].item[+].linkId = "trauma"
* item[=].item[=].text = "Recent trauma"
* item[=].item[=].type = #choice
* item[=].item[=].required = true
* item[=].item[=].answerOption[+].valueCoding = $answers#none "No trauma"
* item[=].item[=].answerOption[+].valueCoding = $answers#lifting-twisting "Lifting, twisting or strain"
* item[=].item[=].answerOption[+].valueCoding = $answers#minor-fall "Minor fall or blow"
* item[=].item[=].answerOption[+].valueCoding = $answers#major "Major trauma"
* item[=].item[+].linkId = "conservative-tried"
* item[=].item[=].text = "Completed a trial of conservative treatment this episode"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=].extension[+].url = $sdc-enableWhenExpression
* item[=].item[=].extension[=].valueExpression.description = "Adults only (A), and only when duration-days > 28. An unknown or partial birth date does not disable it (spec §8.4)."
* item[=].item[=].extension[=].valueExpression.language = #text/fhirpath
* item[=].item[=].extension[=].valueExpression.expression = "iif(%patient.birthDate > today() - 18 years, false, true) and %resource.repeat(item | answer.item).where(linkId = 'duration-days').answer.value.where($this > 28).exists()"
* item[=].item[+].linkId = "surgical-candidate"
* item[=].item[=].text = "Candidate for surgery or interventional procedure"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=].extension[+].url = $sdc-enableWhenExpression
* item[=].item[=].extension[=].valueExpression.description = "Adults only (A), and only when duration-days >= 42 and conservative-tried is answered Yes (enableBehavior all). An unknown or partial birth date does not disable it (spec §8.4)."
* item[=].item[=].extension[=].valueExpression.language = #text/fhirpath
* item[=].item[=].extension[=].valueExpression.expression = "iif(%patient.birthDate > today() - 18 years, false, true) and %resource.repeat(item | answer.item).where(linkId = 'duration-days').answer.value.where($this >= 42).exists() and %resource.repeat(item | answer.item).where(linkId = 'conservative-tried').answer.value.where($this = true).exists()"
* item[=].item[+].linkId = "postop-new-symptoms"
* item[=].item[=].text = "New or progressive symptoms since that surgery"
* item[=].item[=].type = #boolean
* item[=].item[=].required = true
* item[=].item[=].extension[+].url = $sdc-enableWhenExpression
* item[=].item[=].extension[=].valueExpression.description = "Enabled when prior spine surgery is known: hx-spine-surgery answered Yes, or chart evidence of spine surgery. The screening app enables it from the derived fact SPINE_SURGERY (chart or answer, spec §9.2), so a clinician's No against chart evidence cannot hide it."
* item[=].item[=].extension[=].valueExpression.language = #text/fhirpath
* item[=].item[=].extension[=].valueExpression.expression = "%resource.repeat(item | answer.item).where(linkId = 'hx-spine-surgery').answer.value.where($this = true).exists() or %spineSurgeryConditions.entry.resource.where(verificationStatus.coding.where(code in ('refuted' | 'entered-in-error')).exists().not()).exists() or %spineSurgeryProcedures.entry.resource.where(status = 'completed').exists()"
