// Profiles of the resources the app writes. Derived from base R4: the US Core packages are not
// available offline, so the must-support elements of US Core QuestionnaireResponse and US Core
// ServiceRequest are followed by hand (said in each description). Invariants are written so that
// they always evaluate to a boolean: an empty result never counts as a failure. The
// QuestionnaireResponse invariants list the item levels the Questionnaire uses (item, group
// child, their children and answer items) with combine(), which keeps duplicates, instead of
// descendants()/repeat(), which @medplum/core's FHIRPath does not evaluate.

Invariant: spine-qr-1
Description: "Each linkId is answered by at most one item (spec §13: one item answered twice is unusable input)."
Expression: "item.combine(item.item).combine(item.item.item).combine(item.answer.item).combine(item.item.answer.item).linkId.isDistinct()"
Severity: #error

Invariant: spine-qr-2
Description: "An item carries at most one answer (spec §13: more than one answer to an item is unusable input)."
Expression: "item.combine(item.item).combine(item.item.item).combine(item.answer.item).combine(item.item.answer.item).all(answer.count() <= 1)"
Severity: #error

Invariant: spine-qr-3
Description: "Choice answers are Codings of the CodeSystem back-pain-answers (spec §9.1, §13)."
Expression: "item.combine(item.item).combine(item.item.item).combine(item.answer.item).combine(item.item.answer.item).answer.value.ofType(Coding).all(system = 'http://spine-redflags.org/fhir/CodeSystem/back-pain-answers' and code.exists())"
Severity: #error

Profile: SpineRedFlagQuestionnaireResponse
Parent: QuestionnaireResponse
Id: spine-redflag-questionnaire-response
Title: "Back-pain red-flag screen: QuestionnaireResponse"
Description: """
The QuestionnaireResponse the screening app writes for the Questionnaire back-pain-redflags version 1.1: one explicit answer per answered item, nested in the §9.5 group items; unanswered items are left out, never written as false (missing data is never negative).
Derived from base R4. The US Core QuestionnaireResponse profile is not available offline: its must-support elements (questionnaire, status, subject, authored, author, item.linkId, item.text, item.answer.value[x], item.item, item.answer.item) are followed by hand, with subject, authored and an app-assigned identifier required.
"""
* insert ProjectMetadata
* obeys spine-qr-1 and spine-qr-2 and spine-qr-3
* identifier 1..1 MS
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* identifier ^short = "App-assigned identifier; a retry searches for it before writing again"
* questionnaire 1..1 MS
* questionnaire = "http://spine-redflags.org/fhir/Questionnaire/back-pain-redflags|1.1" (exactly)
* status MS
* subject 1..1 MS
* subject only Reference(Patient)
* authored 1..1 MS
* author 0..1 MS
* author only Reference(Practitioner or PractitionerRole)
* author ^short = "The clinician who completed the screen, when the launch provides one"
* item MS
* item.linkId MS
* item.text MS
* item.answer MS
* item.answer.value[x] MS
* item.answer.value[x] only boolean or integer or Coding
* item.answer.item MS
* item.item MS

Invariant: spine-sr-1
Description: "A note names the rule set that produced the proposal (spec §7.6)."
Expression: "note.text.where($this.contains('bp-redflag-')).exists()"
Severity: #error

Invariant: spine-sr-2
Description: "The latest occurrence is not before the request was authored."
Expression: "(occurrence.ofType(Period).end >= authoredOn).empty() or (occurrence.ofType(Period).end >= authoredOn)"
Severity: #error

Profile: SpineImagingServiceRequest
Parent: ServiceRequest
Id: spine-imaging-service-request
Title: "Back-pain red-flag screen: imaging ServiceRequest proposal"
Description: """
A suggested spine imaging order (spec §7.6): status draft and intent proposal, for a clinician to review and sign in the EHR; the app never places an order. The code is one row of §10.6 (ValueSet imaging-spine), priority and occurrence follow the tier (§2, §7.2), reasonCode carries the back-pain diagnosis and the fired red-flag rules as codes, supportingInfo points at the QuestionnaireResponse and the Observations used, and a note lists the rule ids, a one-line rationale and the rule-set version.
Derived from base R4. The US Core ServiceRequest profile is not available offline: its must-support elements (status, intent, category, code, subject, encounter, occurrence[x], authoredOn, requester) are followed by hand; an EHR that requires it can add the US Core profile to meta.profile.
"""
* insert ProjectMetadata
* obeys spine-sr-1 and spine-sr-2
* identifier 1..* MS
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* identifier ^short = "App-assigned identifier of the suggestion (used with If-None-Exist)"
* status MS
* status = #draft
* intent MS
* intent = #proposal
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category ^slicing.description = "An imaging category is required; an EHR may add its own categories."
* category contains imaging 1..1 MS
* category[imaging] = $sct#363679005 "Imaging"
* priority 1..1 MS
* code 1..1 MS
* code from ImagingSpine (required)
* subject 1..1 MS
* subject only Reference(Patient)
* encounter MS
* occurrence[x] 1..1 MS
* occurrence[x] only Period
* occurrencePeriod.end 1..1 MS
* authoredOn 1..1 MS
* requester MS
* reasonCode 1..* MS
* reasonCode from ImagingRequestReason (required)
* reasonReference MS
* reasonReference only Reference(Condition or Observation)
* supportingInfo MS
* note 1..* MS

Invariant: spine-doc-1
Description: "Every attachment is inline text/plain or text/html (some EHRs accept only inline note content)."
Expression: "content.attachment.all(data.exists() and (contentType.startsWith('text/plain') or contentType.startsWith('text/html')))"
Severity: #error

Profile: SpineScreeningNote
Parent: DocumentReference
Id: spine-screening-note
Title: "Back-pain red-flag screen: screening note"
Description: """
A clinical note with the screening result (answers, fired rules and advisories with their evidence, the suggested studies and laboratory tests, the rule-set version), written where an EHR cannot accept a QuestionnaireResponse or a ServiceRequest (for example one whose only write path for notes is DocumentReference). The text is inline (attachment.data, text/plain or text/html).
Derived from base R4 following the must-support elements of US Core DocumentReference by hand (status, type, category, subject, date, author, content.attachment.contentType, content.attachment.data, context.encounter); the category is US Core clinical-note.
"""
* insert ProjectMetadata
* obeys spine-doc-1
* identifier 1..* MS
* identifier.system 1..1 MS
* identifier.value 1..1 MS
* status MS
* status = #current
* docStatus MS
* type 1..1 MS
* type from ScreeningNoteType (required)
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category ^slicing.description = "The US Core clinical-note category is required; an EHR may add its own categories."
* category contains clinical-note 1..1 MS
* category[clinical-note] = $us-core-doc-category#clinical-note "Clinical Note"
* subject 1..1 MS
* subject only Reference(Patient)
* date 1..1 MS
* author MS
* description MS
* content 1..1 MS
* content.attachment.contentType 1..1 MS
* content.attachment.data 1..1 MS
* content.attachment.title MS
* context.encounter MS
