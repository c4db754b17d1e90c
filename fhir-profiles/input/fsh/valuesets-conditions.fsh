// Condition code lists of clinical specification v1.1 §10.3.
//
// ICD-10-CM matching (spec §3.6): codes are compared without the dot and case-insensitively
// (C50.911 = C50911); `X.*` means the code and all its descendants by prefix. Ranges and
// prefixes are written as `regex` filters on the property `code`; each regex must match the
// whole code (implicitly anchored, as in XML Schema) and accepts the code with or without its
// dot. Explicit ICD-10-CM concepts and excludes are compared after the same normalisation.
//
// SNOMED CT `<<` hierarchies (descendants-or-self) are shipped as an explicit curated expansion
// of concepts common in US problem lists, so that the value sets are computable offline. A
// terminology server could widen each one to the whole hierarchy (`concept is-a`).

RuleSet: ConditionValueSet
* insert ProjectMetadata
* ^copyright = "This value set includes content from SNOMED CT, which is copyright © 2002+ International Health Terminology Standards Development Organisation (IHTSDO), and distributed by agreement between IHTSDO and HL7. Implementer use of SNOMED CT is not covered by this agreement. ICD-10-CM is maintained by the US National Center for Health Statistics."

ValueSet: ConditionMalignancy
Id: condition-malignancy
Title: "Conditions: malignancy (CANCER_HX)"
Description: """
Malignancy for CANCER_HX and the pre-population of hx-cancer (spec §10.3 A; HISTORY filter).
ICD-10-CM: C00–C96 including C4A, C7A and C7B, excluding C44.* (non-melanoma skin cancer); D45, D46.*, D47.Z* (classified malignant); Z85.* personal history of malignant neoplasm excluding Z85.828 (other malignant neoplasm of skin). In-situ D00–D09 are not included.
ICD-10-CM codes are compared without the dot and case-insensitively; regex filters must match the whole code and accept it with or without the dot.
SNOMED CT: a curated expansion of << 363346000 |Malignant neoplastic disease| (primary and secondary malignancies common in US problem lists; basal cell carcinoma 254701007 excluded) and of << 266987004 |History of malignant neoplasm|. A terminology server could widen it to the whole hierarchies, minus the non-melanoma skin cancer concepts (<< 254701007 and the squamous cell carcinoma of skin concepts).
"""
* insert ConditionValueSet
* include codes from system $icd10cm where code regex "C(0[0-9]|[1-8][0-9]|9[0-6]|4A|7A|7B)(\\.?[0-9A-Z]{1,4})?"
* include codes from system $icd10cm where code regex "D46(\\.?[0-9A-Z]{1,4})?"
* include codes from system $icd10cm where code regex "D47\\.?Z[0-9A-Z]{0,3}"
* include codes from system $icd10cm where code regex "Z85(\\.?[0-9A-Z]{1,4})?"
* $icd10cm#D45 "Polycythemia vera"
* exclude codes from system $icd10cm where code regex "C44(\\.?[0-9A-Z]{1,4})?"
* exclude $icd10cm#Z85.828 "Personal history of other malignant neoplasm of skin"
* $sct#363346000 "Malignant neoplastic disease"
* $sct#254837009 "Malignant neoplasm of breast"
* $sct#372064008 "Malignant neoplasm of female breast"
* $sct#399068003 "Malignant tumor of prostate"
* $sct#363406005 "Malignant tumor of colon"
* $sct#93761005 "Primary malignant neoplasm of colon"
* $sct#109838007 "Overlapping malignant neoplasm of colon"
* $sct#93854002 "Primary malignant neoplasm of large intestine"
* $sct#363351006 "Malignant tumor of rectum"
* $sct#363358000 "Malignant tumor of lung"
* $sct#93880001 "Primary malignant neoplasm of lung"
* $sct#254637007 "Non-small cell lung cancer"
* $sct#424132000 "Non-small cell carcinoma of lung, TNM stage 1"
* $sct#425048006 "Non-small cell carcinoma of lung, TNM stage 2"
* $sct#422968005 "Non-small cell carcinoma of lung, TNM stage 3"
* $sct#423121009 "Non-small cell carcinoma of lung, TNM stage 4"
* $sct#254632001 "Small cell carcinoma of lung"
* $sct#93986008 "Primary malignant neoplasm of respiratory tract"
* $sct#363418001 "Malignant tumor of pancreas"
* $sct#372003004 "Primary malignant neoplasm of pancreas"
* $sct#372014001 "Primary malignant neoplasm of stomach"
* $sct#363402007 "Malignant tumor of esophagus"
* $sct#271323007 "Malignant neoplasm of lip, oral cavity and/or pharynx"
* $sct#363443007 "Malignant tumor of ovary"
* $sct#93934004 "Primary malignant neoplasm of ovary"
* $sct#371973000 "Malignant neoplasm of uterus"
* $sct#363354003 "Malignant tumor of cervix"
* $sct#399326009 "Malignant tumor of urinary bladder"
* $sct#93849006 "Primary malignant neoplasm of kidney"
* $sct#363478007 "Malignant tumor of thyroid gland"
* $sct#372244006 "Malignant melanoma"
* $sct#93655004 "Malignant melanoma of skin"
* $sct#118600007 "Malignant lymphoma"
* $sct#118601006 "Non-Hodgkin's lymphoma"
* $sct#118599009 "Hodgkin's disease"
* $sct#109989006 "Multiple myeloma"
* $sct#93143009 "Leukemia, disease"
* $sct#91861009 "Acute myeloid leukemia, disease"
* $sct#91857003 "Acute lymphoid leukemia, disease"
* $sct#92818009 "Chronic myeloid leukemia, disease"
* $sct#92814006 "Chronic lymphoid leukemia, disease"
* $sct#128462008 "Secondary malignant neoplastic disease"
* $sct#94222008 "Secondary malignant neoplasm of bone"
* $sct#94391008 "Secondary malignant neoplasm of lung"
* $sct#94381002 "Secondary malignant neoplasm of liver"
* $sct#94225005 "Secondary malignant neoplasm of brain"
* $sct#94260004 "Secondary malignant neoplasm of colon"
* $sct#266987004 "History of malignant neoplasm"
* exclude $sct#254701007 "Basal cell carcinoma of skin"

ValueSet: ConditionOsteoporosis
Id: condition-osteoporosis
Title: "Conditions: osteoporosis (OSTEO)"
Description: """
Osteoporosis for OSTEO and the pre-population of hx-osteoporosis (spec §10.3 B): counts with any clinicalStatus except resolved (§3.6). Z87.310 has its own value set (condition-osteoporosis-history-fracture) because it counts whatever its clinicalStatus.
ICD-10-CM: M80.* (with current pathological fracture), M81.* (without current pathological fracture); compared without the dot and case-insensitively.
SNOMED CT: a curated expansion of the concepts common in US problem lists under << 64859006 |Osteoporosis|: the root; postmenopausal, menopausal and senile osteoporosis; primary, idiopathic and secondary osteoporosis; drug-induced and corticosteroid-induced osteoporosis; disuse osteoporosis; vertebral osteoporosis and osteoporosis localized to spine; osteoporotic fracture (of bone, of vertebra, of lumbar and thoracic vertebra, of neck of femur) and osteoporotic vertebral collapse (any, lumbar, thoracic). Every added code and term verified against the VSAC expansion 2.16.840.1.113883.3.464.1003.113.12.1038 |Osteoporosis Without Current Fracture| (version 20240112, SNOMED CT US Edition 2023-09; cqframework/ecqm-content-qicore-2025, input/vocabulary/valueset/external/valueset-2.16.840.1.113883.3.464.1003.113.12.1038.json). A terminology server could widen it to the whole hierarchy (concept is-a 64859006) and to the remaining osteoporotic fracture concepts.
"""
* insert ConditionValueSet
* include codes from system $icd10cm where code regex "M8[01](\\.?[0-9A-Z]{1,4})?"
* $sct#64859006 "Osteoporosis"
* $sct#102447009 "Postmenopausal osteoporosis"
* $sct#443165006 "Pathological fracture due to osteoporosis"
* $sct#32369003 "Menopausal osteoporosis"
* $sct#18040001 "Senile osteoporosis"
* $sct#276661002 "Primary osteoporosis"
* $sct#3345002 "Idiopathic osteoporosis"
* $sct#703264005 "Secondary osteoporosis"
* $sct#14651005 "Drug-induced osteoporosis"
* $sct#390833005 "Osteoporosis caused by corticosteroid"
* $sct#53174001 "Disuse osteoporosis"
* $sct#203438009 "Vertebral osteoporosis"
* $sct#309745002 "Osteoporosis localized to spine"
* $sct#11311601000119109 "Osteoporotic fracture of vertebra"
* $sct#203450003 "Osteoporotic fracture of lumbar vertebra"
* $sct#203451004 "Osteoporotic fracture of thoracic vertebra"
* $sct#240198002 "Osteoporotic vertebral collapse"
* $sct#311890007 "Osteoporotic collapse of lumbar vertebra"
* $sct#311891006 "Osteoporotic collapse of thoracic vertebra"
* $sct#431031001 "Osteoporotic fracture of neck of femur"

ValueSet: ConditionOsteoporosisHistoryFracture
Id: condition-osteoporosis-history-fracture
Title: "Conditions: history of osteoporotic fracture (OSTEO, any status)"
Description: "Personal history of (healed) osteoporosis fracture (spec §10.3 B): counts for OSTEO whatever its clinicalStatus (§3.6). ICD-10-CM compared without the dot and case-insensitively."
* insert ConditionValueSet
* $icd10cm#Z87.310 "Personal history of (healed) osteoporosis fracture"

ValueSet: ConditionSteroidLongterm
Id: condition-steroid-longterm
Title: "Conditions: long-term systemic steroids (STEROID, chart-authoritative)"
Description: "Long-term (current) use of systemic steroids for STEROID (spec §10.3 C; CURRENT filter): chart-authoritative for hx-chronic-steroids (§3.7). ICD-10-CM compared without the dot and case-insensitively."
* insert ConditionValueSet
* $icd10cm#Z79.52 "Long term (current) use of systemic steroids"

ValueSet: ConditionSteroidHistory
Id: condition-steroid-history
Title: "Conditions: history of steroid therapy (suggestion only)"
Description: "History-of codes for systemic steroid therapy (spec §10.3 C): a suggestion for hx-chronic-steroids only; they never decide (§3.7, §9.3). ICD-10-CM compared without the dot and case-insensitively."
* insert ConditionValueSet
* $icd10cm#Z92.241 "Personal history of systemic steroid therapy"
* $sct#161648003 "History of steroid therapy"

ValueSet: ConditionImmunosuppression
Id: condition-immunosuppression
Title: "Conditions: immunosuppression (IMMUNOSUPP)"
Description: """
Immunosuppression for IMMUNOSUPP and the pre-population of hx-immunosuppression (spec §10.3 D; CURRENT filter). Steroid-only immunosuppression is captured by STEROID, not here.
ICD-10-CM: B20, Z21; D80–D84 immunodeficiency; transplant status Z94.0–Z94.4, Z94.81–Z94.84, Z94.89 (Z94.5 skin, Z94.6 bone and Z94.7 cornea excluded); Z79.6* long-term use of immunomodulators and immunosuppressants. Compared without the dot and case-insensitively.
SNOMED CT: the concepts listed by the spec and a curated expansion of << 234532001 |Immunodeficiency disorder|; a terminology server could widen it to the whole hierarchy.
"""
* insert ConditionValueSet
* $icd10cm#B20 "Human immunodeficiency virus [HIV] disease"
* $icd10cm#Z21 "Asymptomatic human immunodeficiency virus [HIV] infection status"
* include codes from system $icd10cm where code regex "D8[0-4](\\.?[0-9A-Z]{1,4})?"
* $icd10cm#Z94.0 "Kidney transplant status"
* $icd10cm#Z94.1 "Heart transplant status"
* $icd10cm#Z94.2 "Lung transplant status"
* $icd10cm#Z94.3 "Heart and lungs transplant status"
* $icd10cm#Z94.4 "Liver transplant status"
* $icd10cm#Z94.81 "Bone marrow transplant status"
* $icd10cm#Z94.82 "Intestine transplant status"
* $icd10cm#Z94.83 "Pancreas transplant status"
* $icd10cm#Z94.84 "Stem cells transplant status"
* $icd10cm#Z94.89 "Other transplanted organ and tissue status"
* include codes from system $icd10cm where code regex "Z79\\.?6[0-9A-Z]{0,3}"
* $sct#234532001 "Immunodeficiency disorder"
* $sct#86406008 "Human immunodeficiency virus infection"
* $sct#62479008 "Acquired immune deficiency syndrome"
* $sct#370388006 "Patient immunocompromised"
* $sct#370391006 "Patient immunosuppressed"
* $sct#161663000 "History of tissue/organ recipient"
* $sct#2631000119108 "History of bone marrow transplant"
* $sct#153351000119102 "History of peripheral stem cell transplant"
* $sct#86553008 "Immunosuppressive therapy"
* $sct#161651005 "History of immunosuppressive therapy"

ValueSet: ConditionIvdu
Id: condition-ivdu
Title: "Conditions: injection drug use (IVDU, chart-authoritative)"
Description: "Explicit injection drug use for IVDU (spec §10.3 E; CURRENT filter): chart-authoritative, pre-populates hx-ivdu = current (§3.7)."
* insert ConditionValueSet
* $sct#228388006 "Intravenous drug user"
* $sct#145121000119106 "Intravenous nondependent opioid abuse"

ValueSet: ConditionSubstanceUsePrompt
Id: condition-substance-use-prompt
Title: "Conditions: substance use without route (prompt only)"
Description: "Opioid and other substance use disorders whose route is not coded (spec §10.3 E): they only prompt the clinician about hx-ivdu; the answer decides and no discrepancy is raised (§3.7, §8.3). ICD-10-CM F11.*, F14.*, F15.*, F19.*, compared without the dot and case-insensitively."
* insert ConditionValueSet
* include codes from system $icd10cm where code regex "F1[1459](\\.?[0-9A-Z]{1,4})?"
* $sct#5602001 "Opioid abuse"
* $sct#75544000 "Opioid dependence"

ValueSet: ConditionDiabetes
Id: condition-diabetes
Title: "Conditions: diabetes mellitus (DIABETES)"
Description: """
Diabetes mellitus for DIABETES and the pre-population of hx-diabetes (spec §10.3 F; CURRENT filter).
ICD-10-CM: E08–E13 with all descendants, compared without the dot and case-insensitively.
SNOMED CT: a curated expansion of << 73211009 |Diabetes mellitus| (types and the complications commonly on US problem lists); a terminology server could widen it to the whole hierarchy.
"""
* insert ConditionValueSet
* include codes from system $icd10cm where code regex "E(0[89]|1[0-3])(\\.?[0-9A-Z]{1,4})?"
* $sct#73211009 "Diabetes mellitus"
* $sct#46635009 "Type 1 diabetes mellitus"
* $sct#44054006 "Type 2 diabetes mellitus"
* $sct#11687002 "Gestational diabetes mellitus"
* $sct#190268003 "Diabetic ketoacidosis"
* $sct#127013003 "Disorder of kidney due to diabetes mellitus"
* $sct#90781000119102 "Microalbuminuria due to type 2 diabetes mellitus"
* $sct#157141000119108 "Proteinuria due to type 2 diabetes mellitus"
* $sct#368581000119106 "Neuropathy due to type 2 diabetes mellitus"
* $sct#422034002 "Retinopathy due to type 2 diabetes mellitus"
* $sct#1551000119108 "Nonproliferative retinopathy due to type 2 diabetes mellitus"
* $sct#1501000119109 "Proliferative retinopathy due to type 2 diabetes mellitus"
* $sct#97331000119101 "Macular edema and retinopathy due to type 2 diabetes mellitus"

ValueSet: ConditionSpineSurgery
Id: condition-spine-surgery
Title: "Conditions: prior spine surgery (SPINE_SURGERY, chart-authoritative)"
Description: "Conditions that evidence prior spine surgery or spinal hardware for SPINE_SURGERY (spec §10.3 G; HISTORY filter). Spinal fusion, laminectomy and discectomy procedures are Procedure codes: see procedure-spine-surgery. Z98.1 is not spine-specific and is only a suggestion: see condition-arthrodesis-status-prompt. ICD-10-CM compared without the dot and case-insensitively; M96.0 and M96.1 have no descendants."
* insert ConditionValueSet
* $icd10cm#M96.0 "Pseudarthrosis after fusion or arthrodesis"
* $icd10cm#M96.1 "Postlaminectomy syndrome, not elsewhere classified"

ValueSet: ConditionArthrodesisStatusPrompt
Id: condition-arthrodesis-status-prompt
Title: "Conditions: arthrodesis status (suggestion only)"
Description: "Arthrodesis status is not spine-specific (ankle, wrist): a suggestion for hx-spine-surgery only, never evidence of SPINE_SURGERY (spec §10.3 G, §9.3). ICD-10-CM compared without the dot and case-insensitively."
* insert ConditionValueSet
* $icd10cm#Z98.1 "Arthrodesis status"

ValueSet: ConditionDialysis
Id: condition-dialysis
Title: "Conditions: dialysis dependence (DIALYSIS)"
Description: "Dependence on renal dialysis for DIALYSIS and the pre-population of hx-dialysis-catheter (spec §10.3 H; CURRENT filter). ICD-10-CM compared without the dot and case-insensitively."
* insert ConditionValueSet
* $icd10cm#Z99.2 "Dependence on renal dialysis"
* $sct#105502003 "Dependence on renal dialysis"

ValueSet: ConditionAnkylosedSpine
Id: condition-ankylosed-spine
Title: "Conditions: ankylosed spine (ANKYLOSED)"
Description: """
Ankylosing spondylitis or diffuse idiopathic skeletal hyperostosis for ANKYLOSED and the pre-population of hx-ankylosing (spec §10.3 I; HISTORY filter).
ICD-10-CM: M45.* ankylosing spondylitis (note: includes M45.A non-radiographic axial spondyloarthritis, an open item of spec §12); M48.1* ankylosing hyperostosis [Forestier] (DISH). Compared without the dot and case-insensitively.
SNOMED CT: a curated expansion of the concepts common in US problem lists: << 9631008 |Ankylosing spondylitis| (the root, juvenile ankylosing spondylitis, ankylosing spondylitis with organ/system or multisystem involvement, ankylosing spondylitis co-occurrent with anterior uveitis, chest deformity due to ankylosing spondylitis) and DISH 31487001 |Disseminated idiopathic skeletal hyperostosis|, plus 47049007 |Ankylosis of spine| and 36655007 |Complete ankylosis of the spine| (the questionnaire's "ankylosed, fused spine": an ankylosed spine fractures after low-energy trauma whatever the cause, so these are included as the safer reading). Every code and term verified against public code lists: OpenSAFELY axial spondyloarthritis codelist (opensafely/inflammatory_rheum, opensafely/post-covid-vax-autoimmune), GM-SDE ankylosing spondylitis code set (UoM-Data-Science-Platforms/gm-sde) and the VSAC expansion 2.16.840.1.113762.1.4.1021.95 |Conditions associated with chronic pain| (SNOMED CT US Edition 2023-03, cqframework/cds4cpm). Axial spondyloarthritis and non-radiographic axial spondyloarthritis concepts are not included (not an ankylosed spine; spec §12). A terminology server could widen it to the whole hierarchy (concept is-a 9631008) and to the remaining DISH concepts.
"""
* insert ConditionValueSet
* include codes from system $icd10cm where code regex "M45(\\.?[0-9A-Z]{1,4})?"
* include codes from system $icd10cm where code regex "M48\\.?1[0-9A-Z]{0,3}"
* $sct#9631008 "Ankylosing spondylitis"
* $sct#239805001 "Juvenile ankylosing spondylitis"
* $sct#239810002 "Ankylosing spondylitis with organ / system involvement"
* $sct#239811003 "Ankylosing spondylitis with multisystem involvement"
* $sct#786077003 "Ankylosing spondylitis co-occurrent with anterior uveitis"
* $sct#838436001 "Chest deformity due to ankylosing spondylitis"
* $sct#31487001 "Disseminated idiopathic skeletal hyperostosis"
* $sct#47049007 "Ankylosis of spine"
* $sct#36655007 "Complete ankylosis of the spine"

ValueSet: ConditionChronicLiver
Id: condition-chronic-liver
Title: "Conditions: chronic liver disease or alcohol use disorder (CHRONIC_LIVER)"
Description: """
Chronic liver disease (cirrhosis) or alcohol use disorder for CHRONIC_LIVER and the pre-population of hx-chronic-liver (spec §10.3 J; CURRENT filter).
ICD-10-CM: K70.3* alcoholic cirrhosis of liver; K74.6* other and unspecified cirrhosis of liver; F10.2* alcohol dependence. Compared without the dot and case-insensitively.
SNOMED CT: a curated expansion of the concepts common in US problem lists under << 19943007 |Cirrhosis of liver| (the root; alcoholic and non-alcoholic cirrhosis; decompensated, advanced and early cirrhosis; biliary cirrhosis, primary biliary cholangitis, secondary and obstructive biliary cirrhosis, cirrhosis due to primary sclerosing cholangitis; cirrhosis due to chronic hepatitis C; posthepatitic and postnecrotic cirrhosis; drug-induced cirrhosis; micronodular, macronodular and mixed cirrhosis) plus the alcohol dependence concepts that correspond to F10.2*. Every added cirrhosis code and term verified against the VSAC expansions 2.16.840.1.113883.3.464.1003.199.12.1035 |Chronic Liver Disease| and 2.16.840.1.113762.1.4.1047.42 |Liver Disease| (SNOMED CT US Edition 2023-03; cqframework/cds4cpm, input/vocabulary/valueset/valueset-2.16.840.1.113883.3.464.1003.199.12.1035.json and valueset-2.16.840.1.113762.1.4.1047.42.json). No stored source gave a verified id for cryptogenic cirrhosis, cirrhosis due to hepatitis B or cirrhosis due to non-alcoholic steatohepatitis, so none is listed. A terminology server could widen it to the whole hierarchy (concept is-a 19943007).
"""
* insert ConditionValueSet
* include codes from system $icd10cm where code regex "K70\\.?3[0-9A-Z]{0,3}"
* include codes from system $icd10cm where code regex "K74\\.?6[0-9A-Z]{0,3}"
* include codes from system $icd10cm where code regex "F10\\.?2[0-9A-Z]{0,3}"
* $sct#19943007 "Cirrhosis of liver"
* $sct#420054005 "Alcoholic cirrhosis"
* $sct#716203000 "Decompensated cirrhosis of liver"
* $sct#123717006 "Advanced cirrhosis"
* $sct#371139006 "Early cirrhosis"
* $sct#266468003 "Cirrhosis - non-alcoholic"
* $sct#1761006 "Biliary cirrhosis"
* $sct#31712002 "Primary biliary cholangitis"
* $sct#12368000 "Secondary biliary cirrhosis"
* $sct#109819003 "Obstructive biliary cirrhosis"
* $sct#735733008 "Cirrhosis of liver co-occurrent and due to primary sclerosing cholangitis"
* $sct#831000119103 "Cirrhosis of liver due to chronic hepatitis C"
* $sct#27156006 "Posthepatitic cirrhosis"
* $sct#86454000 "Postnecrotic cirrhosis"
* $sct#425413006 "Drug-induced cirrhosis of liver"
* $sct#21861000 "Micronodular cirrhosis"
* $sct#43904005 "Macronodular cirrhosis"
* $sct#15999000 "Mixed micro and macronodular cirrhosis"
* $sct#66590003 "Alcohol dependence"
* $sct#7200002 "Alcoholism"

ValueSet: ConditionBackPain
Id: condition-back-pain
Title: "Conditions: back pain episode (pre-population of duration-days)"
Description: "Active back-pain Conditions whose onset pre-populates duration-days (spec §9.1: M54.5x, M62.830). Thoracic back pain (M54.6) and SNOMED low back pain are added so that a thoracic or SNOMED-coded episode also gives a suggestion; the clinician's answer decides. ICD-10-CM compared without the dot and case-insensitively."
* insert ConditionValueSet
* include codes from system $icd10cm where code regex "M54\\.?5[0-9A-Z]{0,2}"
* $icd10cm#M54.6 "Pain in thoracic spine"
* $icd10cm#M62.830 "Muscle spasm of back"
* $sct#279039007 "Low back pain"

ValueSet: ConditionRecentInfection
Id: condition-recent-infection
Title: "Conditions: recent bacterial infection (suggestion only)"
Description: "Bacterial infections (UTI, bacteraemia or sepsis, skin and soft-tissue infection, endocarditis) that suggest hx-recent-infection-30d when their onset or recorded date is within 30 days (spec §9.1, §9.3). Suggestion only: the clinician's answer decides. The spec gives no code list; this one is a project convention. ICD-10-CM compared without the dot and case-insensitively."
* insert ConditionValueSet
* $icd10cm#N39.0 "Urinary tract infection, site not specified"
* $icd10cm#N10 "Acute pyelonephritis"
* include codes from system $icd10cm where code regex "N30\\.?0[0-9A-Z]?"
* $icd10cm#R78.81 "Bacteremia"
* include codes from system $icd10cm where code regex "A4[01](\\.?[0-9A-Z]{1,4})?"
* include codes from system $icd10cm where code regex "A49(\\.?[0-9A-Z]{1,4})?"
* include codes from system $icd10cm where code regex "L0[23](\\.?[0-9A-Z]{1,4})?"
* include codes from system $icd10cm where code regex "I33(\\.?[0-9A-Z]{1,4})?"
* $sct#87628006 "Bacterial infectious disease"
* $sct#68566005 "Urinary tract infectious disease"
* $sct#45816000 "Pyelonephritis"
* $sct#5758002 "Bacteremia"
* $sct#91302008 "Sepsis"
* $sct#128045006 "Cellulitis"
* $sct#128477000 "Abscess"
* $sct#56819008 "Endocarditis"
