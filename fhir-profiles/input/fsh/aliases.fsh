// Code systems and extension URLs used across the FSH sources.
Alias: $loinc = http://loinc.org
Alias: $sct = http://snomed.info/sct
Alias: $icd10cm = http://hl7.org/fhir/sid/icd-10-cm
Alias: $cpt = http://www.ama-assn.org/go/cpt
Alias: $radlex = http://radlex.org
Alias: $rxnorm = http://www.nlm.nih.gov/research/umls/rxnorm
Alias: $ucum = http://unitsofmeasure.org
Alias: $item-control = http://hl7.org/fhir/questionnaire-item-control
Alias: $answers = http://spine-redflags.org/fhir/CodeSystem/back-pain-answers
Alias: $rules = http://spine-redflags.org/fhir/CodeSystem/red-flag-rules
Alias: $us-core-doc-category = http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category

// R4 core extensions
Alias: $minValue = http://hl7.org/fhir/StructureDefinition/minValue
Alias: $maxValue = http://hl7.org/fhir/StructureDefinition/maxValue
Alias: $itemControl = http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl
Alias: $questionnaire-unit = http://hl7.org/fhir/StructureDefinition/questionnaire-unit
Alias: $hidden = http://hl7.org/fhir/StructureDefinition/questionnaire-hidden
Alias: $variable = http://hl7.org/fhir/StructureDefinition/variable
Alias: $cqf-expression = http://hl7.org/fhir/StructureDefinition/cqf-expression

// SDC extensions (the SDC package is not available offline: referenced by URL only)
Alias: $sdc-launchContext = http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-launchContext
Alias: $sdc-enableWhenExpression = http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression
Alias: $sdc-initialExpression = http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression
Alias: $sdc-calculatedExpression = http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression
Alias: $sdc-launchContextCodes = http://hl7.org/fhir/uv/sdc/CodeSystem/launchContext
Alias: $sdc-questionnaire = http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire

RuleSet: ProjectMetadata
* ^status = #draft
* ^experimental = false
* ^publisher = "Spine Red-Flag Screener project"
* ^jurisdiction = urn:iso:std:iso:3166#US "United States of America"

RuleSet: ProjectInstanceMetadata
* status = #draft
* experimental = false
* publisher = "Spine Red-Flag Screener project"
* jurisdiction = urn:iso:std:iso:3166#US "United States of America"
