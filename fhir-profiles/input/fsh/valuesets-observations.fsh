// Observation analytes of clinical specification v1.1 §10.1. An Observation matches an analyte
// when ANY Observation.code.coding has system http://loinc.org and a code of the analyte's
// decision value set (§3.2).

RuleSet: LoincValueSet
* insert ProjectMetadata
* ^copyright = "This material contains content from LOINC (http://loinc.org). LOINC is copyright © Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes (LOINC) Committee and is available at no cost under the license at http://loinc.org/license."

ValueSet: EsrDecision
Id: esr-decision
Title: "ESR: decision codes"
Description: "Erythrocyte sedimentation rate results used for decisions (ESR_ELEV, currency, ADV-DATA-QUALITY); spec §10.1. Decision unit mm/h."
* insert LoincValueSet
* $loinc#30341-2 "Erythrocyte sedimentation rate"
* $loinc#4537-7 "Erythrocyte sedimentation rate by Westergren method"
* $loinc#4538-5 "Erythrocyte sedimentation rate by Wintrobe method"
* $loinc#82477-1 "Erythrocyte sedimentation rate by Photometric method"

ValueSet: EsrDisplayOnly
Id: esr-display-only
Title: "ESR: display-only codes"
Description: "ESR results that are shown to the clinician but never used for a decision (2-hour and 15-minute readings); spec §10.1."
* insert LoincValueSet
* $loinc#18184-2 "Erythrocyte sedimentation rate by 2H Westergren method"
* $loinc#43402-7 "Erythrocyte sedimentation rate by 15 minute reading"

ValueSet: CrpDecision
Id: crp-decision
Title: "CRP: decision codes"
Description: "C-reactive protein mass-concentration results used for decisions (CRP_ELEV, CRP_GT20, currency, ADV-DATA-QUALITY), including high-sensitivity CRP; spec §10.1. Decision unit mg/L."
* insert LoincValueSet
* $loinc#1988-5 "C reactive protein [Mass/volume] in Serum or Plasma"
* $loinc#30522-7 "C reactive protein [Mass/volume] in Serum or Plasma by High sensitivity method"
* $loinc#71426-1 "C reactive protein [Mass/volume] in Blood by High sensitivity method"
* $loinc#48421-2 "C reactive protein [Mass/volume] in Capillary blood"

ValueSet: CrpNotUsed
Id: crp-not-used
Title: "CRP: codes not used"
Description: "C-reactive protein results that are recognised but not used (molar, qualitative, titre, non-blood specimens); spec §10.1. They never raise ADV-DATA-QUALITY."
* insert LoincValueSet
* $loinc#76485-2 "C reactive protein [Moles/volume] in Serum or Plasma"
* $loinc#76486-0 "C reactive protein [Moles/volume] in Serum or Plasma by High sensitivity method"
* $loinc#11039-5 "C reactive protein [Presence] in Serum or Plasma"
* $loinc#14634-0 "C reactive protein [Titer] in Serum or Plasma"
* $loinc#16503-5 "C reactive protein [Mass/volume] in Body fluid"
* $loinc#45062-7 "C reactive protein [Mass/volume] in Cerebral spinal fluid"

ValueSet: WbcDecision
Id: wbc-decision
Title: "WBC: decision codes"
Description: "Leukocyte count results used for decisions (WBC_ELEV, currency, ADV-DATA-QUALITY); spec §10.1, after VSAC 'White Blood Cells Count Lab Test' 2.16.840.1.113762.1.4.1045.129. Decision unit 10*3/uL."
* insert LoincValueSet
* $loinc#6690-2 "Leukocytes [#/volume] in Blood by Automated count"
* $loinc#26464-8 "Leukocytes [#/volume] in Blood"
* $loinc#804-5 "Leukocytes [#/volume] in Blood by Manual count"
* $loinc#33256-9 "Leukocytes [#/volume] corrected for nucleated erythrocytes in Blood by Automated count"
* $loinc#12227-5 "Leukocytes [#/volume] corrected for nucleated erythrocytes in Blood"

ValueSet: WbcNotUsed
Id: wbc-not-used
Title: "WBC: codes not used"
Description: "Leukocyte counts that are recognised but not used (estimate, buffy coat); spec §10.1."
* insert LoincValueSet
* $loinc#49498-9 "Leukocytes [#/volume] in Blood by Estimate"
* $loinc#92635-2 "Leukocytes [#/volume] in Buffy Coat"

ValueSet: BodyTemperature
Id: body-temperature
Title: "Body temperature"
Description: "Body temperature results for measured fever (FEVER_MEASURED, ≥ 38.0 °C, any route); a closed list, every code is a decision code; spec §10.1."
* insert LoincValueSet
* $loinc#8310-5 "Body temperature"
* $loinc#8331-1 "Oral temperature"
* $loinc#8332-9 "Rectal temperature"
* $loinc#8328-7 "Axillary temperature"
* $loinc#8333-7 "Tympanic membrane temperature"
* $loinc#8334-5 "Body temperature - Urinary bladder"
* $loinc#60834-9 "Blood temperature"
* $loinc#60836-4 "Esophageal temperature"
* $loinc#75539-7 "Body temperature - Temporal artery"

ValueSet: BodyWeight
Id: body-weight
Title: "Body weight"
Description: "Measured body weights for the weight-loss suggestion (§9.3) and ADV-DATA-QUALITY; spec §10.1. Estimated weight (8335-2) is excluded: see body-weight-estimated."
* insert LoincValueSet
* $loinc#29463-7 "Body weight"
* $loinc#3141-9 "Body weight Measured"

ValueSet: BodyWeightEstimated
Id: body-weight-estimated
Title: "Body weight: estimated (excluded)"
Description: "Estimated body weight, recognised and never used; spec §10.1."
* insert LoincValueSet
* $loinc#8335-2 "Body weight Estimated"

ValueSet: PainScore
Id: pain-score
Title: "Pain severity score"
Description: "Pain severity results that pre-populate the item pain-nrs (latest within 7 days); spec §10.1, §9.1."
* insert LoincValueSet
* $loinc#72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
* $loinc#38208-5 "Pain severity - Reported"

ValueSet: BloodCulture
Id: blood-culture
Title: "Blood culture"
Description: "Blood culture results and orders: a non-cancelled result within 72 h means blood cultures are already ordered (§7.4); spec §10.1."
* insert LoincValueSet
* $loinc#600-7 "Bacteria identified in Blood by Culture"
