#!/usr/bin/env python3
"""Builds rules-core/src/main/resources/org/radpair/rules/category_indications.tsv.

The table gives every ICD-10-CM category (3-character code, FY2026 and FY2027) a body-region and modality
affinity, so that the pairing check knows something about every diagnosis. The clinical-coding judgement
lives in this file as readable tables:

  BLOCKS   a range of categories -> one default (chapter blocks)
  CATS     per-category rows that override the block default
  SUBS     subcategory rows where site, organ or a gated modality matters
  REFINE   categories whose subcategories are refined by the body site named in their (public-domain
           ICD-10-CM) titles: "... of right shoulder" -> UPPER_EXTREMITY. Extras (WHOLE_BODY for bone scans,
           VASCULAR, PELVIS for sacroiliac work-up) are kept on every refined row.

Run from the repository root:  python3 tools/build_category_indications.py
It reads only the project's own code tables (code history FY2019-FY2026 and the FY2026->FY2027 changes)
and indications.tsv (never edited: a hand-written row there wins over a row here of equal or shorter
length, so refinements are not generated below a hand-written subcategory row).
"""
import gzip
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
RES = os.path.join(ROOT, "rules-core", "src", "main", "resources", "org", "radpair")
HISTORY = os.path.join(RES, "codes", "icd10cm_code_history_fy2019_fy2026.tsv.gz")
CHANGES = os.path.join(RES, "codes", "icd10cm_changes_fy2026_fy2027.tsv.gz")
HAND = os.path.join(RES, "rules", "indications.tsv")
OUT = os.path.join(RES, "rules", "category_indications.tsv")

# --- shorthands -------------------------------------------------------------------------------
REGION_SHORT = {
    "BH": "BRAIN,HEAD", "H": "HEAD", "BR0": "BRAIN", "N": "NECK", "CH": "CHEST", "BR": "BREAST",
    "HT": "HEART", "HC": "HEART,CHEST", "SC": "SPINE_CERVICAL", "ST": "SPINE_THORACIC",
    "SL": "SPINE_LUMBAR", "SP": "SPINE_CERVICAL,SPINE_THORACIC,SPINE_LUMBAR", "AB": "ABDOMEN",
    "PV": "PELVIS", "AP": "ABDOMEN,PELVIS", "UE": "UPPER_EXTREMITY", "LE": "LOWER_EXTREMITY",
    "LIMBS": "UPPER_EXTREMITY,LOWER_EXTREMITY", "V": "VASCULAR", "WB": "WHOLE_BODY",
    # the skeleton: every region a bone or joint study images
    "MSK": "SPINE_CERVICAL,SPINE_THORACIC,SPINE_LUMBAR,UPPER_EXTREMITY,LOWER_EXTREMITY,PELVIS,WHOLE_BODY",
    # the joints of the limbs and pelvis
    "JOINTS": "UPPER_EXTREMITY,LOWER_EXTREMITY,PELVIS",
    # regions a bone-density (DXA) study images, added where a row names DXA next to organ regions
    "DXAREG": "SPINE_THORACIC,SPINE_LUMBAR,PELVIS,LOWER_EXTREMITY,UPPER_EXTREMITY",
    # radiation oncology images no fixed region (OTHER): rows naming RADONC list it
    "RT": "OTHER",
    "ANY": "ANY", "NONE": "NONE",
}
MOD_SHORT = {
    "": "", "ALL": "ALL",
    "OB": "US,MR",                                   # pregnancy itself
    "THY": "US,NM,CT,MR,XR",                         # thyroid and parathyroid
    "BONE+": "DXA,XR,FLUORO,CT,CTA,MR,MRA,US,MAMMO,NM,PET,IR",   # everything but RADONC (bone density named)
    "NORT+": "XR,FLUORO,CT,CTA,MR,MRA,US,MAMMO,NM,PET,IR,RADONC",  # everything but DXA (benign RT indication)
}
REGION_NAMES = ["BRAIN", "HEAD", "NECK", "CHEST", "BREAST", "HEART", "SPINE_CERVICAL", "SPINE_THORACIC",
                "SPINE_LUMBAR", "ABDOMEN", "PELVIS", "UPPER_EXTREMITY", "LOWER_EXTREMITY", "VASCULAR",
                "WHOLE_BODY", "OTHER"]
MODALITY_NAMES = ["XR", "FLUORO", "CT", "CTA", "MR", "MRA", "US", "MAMMO", "DXA", "NM", "PET", "IR", "RADONC"]


def regions(spec):
    """'BH N V' -> 'BRAIN,HEAD,NECK,VASCULAR' in enum order; ANY / NONE pass through."""
    parts = []
    for token in spec.replace(",", " ").split():
        parts.extend(REGION_SHORT.get(token, token).split(","))
    if "ANY" in parts or "NONE" in parts:
        assert len(set(parts)) == 1, spec
        return parts[0]
    for p in parts:
        assert p in REGION_NAMES, (spec, p)
    return ",".join(r for r in REGION_NAMES if r in parts)


def modalities(spec):
    parts = []
    for token in spec.replace(",", " ").split():
        parts.extend(MOD_SHORT.get(token, token).split(","))
    parts = [p for p in parts if p]
    if parts == ["ALL"]:
        return "ALL"
    for p in parts:
        assert p in MODALITY_NAMES, (spec, p)
    return ",".join(m for m in MODALITY_NAMES if m in parts)


# --- chapter blocks: first, last, regions, modalities, weight, note ---------------------------------
# Every category falls in exactly one block; CATS overrides a block for single categories.
BLOCKS = """
A00 A09 | AP | | 4 | intestinal infection
A15 A19 | ANY | | 3 | tuberculosis
A20 A49 | ANY | | 4 | bacterial infection
A50 A64 | PV AB | | 5 | sexually transmitted infection
A65 A79 | ANY | | 5 | spirochaetal, chlamydial or rickettsial infection
A80 A89 | BH SP | | 3 | viral infection of the central nervous system
A90 A99 | ANY | | 5 | arthropod-borne or haemorrhagic viral fever
B00 B09 | ANY | | 5 | viral infection with skin and mucosal lesions
B10 B10 | ANY | | 5 | other herpesvirus infection
B15 B19 | AB | | 3 | viral hepatitis
B20 B34 | ANY | | 4 | other viral disease
B35 B36 | NONE | | 5 | superficial fungal infection of skin, hair or nails
B37 B49 | ANY | | 3 | mycosis
B50 B64 | ANY | | 5 | protozoal disease
B65 B83 | ANY | | 5 | helminthiasis
B85 B89 | ANY | | 5 | infestation
B90 B94 | ANY | | 4 | sequelae of infection
B95 B99 | ANY | | 5 | infectious agent, qualifies a disease coded elsewhere
C00 D09 | ANY | ALL | 3 | malignant neoplasm or carcinoma in situ
D10 D36 | ANY | | 4 | benign neoplasm
D37 D48 | ANY | | 4 | neoplasm of uncertain behaviour
D49 D49 | ANY | | 5 | neoplasm of unspecified behaviour
D50 D89 | ANY | | 5 | disease of blood, blood-forming organs or immune system
E00 E07 | N | THY | 3 | thyroid disorder
E08 E13 | ANY | | 4 | diabetes mellitus
E15 E16 | AB BH | | 4 | disorder of glucose regulation or pancreatic internal secretion
E20 E35 | ANY | | 4 | endocrine disorder
E36 E36 | ANY | | 5 | intraoperative endocrine complication
E40 E46 | ANY | | 5 | malnutrition
E50 E64 | ANY | | 5 | nutritional deficiency
E65 E68 | ANY | | 5 | obesity or hyperalimentation
E70 E88 | ANY | | 5 | metabolic disorder
E89 E89 | ANY | | 4 | postprocedural endocrine or metabolic disorder
F01 F09 | BH | | 3 | mental disorder due to a physiological condition
F10 F19 | ANY | | 5 | substance-related disorder
F20 F99 | BH | | 5 | mental or behavioural disorder (organic cause work-up)
G00 G09 | BH SP | | 2 | inflammatory disease of the central nervous system
G10 G14 | BH SP | | 3 | systemic atrophy of the central nervous system
G20 G26 | BH | | 3 | extrapyramidal and movement disorder
G30 G32 | BH | | 3 | degenerative disease of the nervous system
G35 G37 | BH SP | | 2 | demyelinating disease
G40 G47 | BH | | 3 | episodic and paroxysmal disorder
G50 G59 | BH N SP LIMBS | | 4 | nerve, nerve root and plexus disorder
G60 G65 | BH SP LIMBS | | 4 | polyneuropathy
G70 G73 | ANY | | 4 | disease of myoneural junction and muscle
G80 G83 | BH SP | | 3 | cerebral palsy or paralytic syndrome
G89 G99 | BH SP | | 4 | other disorder of the nervous system
H00 H59 | BH | | 4 | eye and adnexa (orbit CT/MR, ophthalmic ultrasound, brain)
H60 H95 | BH | | 4 | ear and mastoid (temporal bone CT, internal auditory canal MR)
I00 I02 | HC | | 4 | acute rheumatic fever
I05 I09 | HC | | 3 | chronic rheumatic heart disease
I10 I1A | BH HC V AP N | | 4 | hypertensive disease
I20 I25 | HC | | 2 | ischaemic heart disease
I26 I28 | CH HT V | | 2 | pulmonary heart disease and pulmonary circulation
I30 I5A | HC | | 3 | other forms of heart disease
I60 I69 | BH N V | | 1 | cerebrovascular disease
I70 I79 | V LIMBS AP CH N | | 2 | disease of arteries, arterioles and capillaries
I80 I89 | V LIMBS | | 3 | disease of veins and lymphatics
I95 I99 | ANY | | 4 | other circulatory disorder
J00 J06 | H N CH | | 4 | acute upper respiratory infection
J09 J18 | CH | | 1 | influenza and pneumonia
J20 J22 | CH | | 3 | other acute lower respiratory infection
J30 J39 | H N | | 3 | other disease of the upper respiratory tract
J40 J4B | CH | | 2 | chronic lower respiratory disease
J60 J70 | CH | | 3 | lung disease due to external agents
J80 J84 | CH | | 2 | interstitial and other respiratory disease
J85 J86 | CH | | 3 | suppurative condition of the lower respiratory tract
J90 J94 | CH | | 2 | disease of the pleura
J95 J99 | CH N | | 3 | other respiratory disease
K00 K14 | H | | 4 | oral cavity, salivary glands and jaws
K20 K31 | AB CH N | | 3 | oesophagus, stomach and duodenum
K35 K38 | AP | | 2 | appendix
K40 K46 | AP | | 3 | hernia
K50 K52 | AP | | 2 | noninfective enteritis and colitis
K55 K64 | AP | | 3 | other disease of intestines
K65 K6A | AP | | 3 | peritoneum, retroperitoneum and pelvis
K70 K77 | AB | | 2 | liver
K80 K87 | AB | | 2 | gallbladder, biliary tract and pancreas
K90 K95 | AP | | 3 | other disease of the digestive system
L00 L08 | ANY | | 4 | infection of skin and subcutaneous tissue
L10 L14 | NONE | | 5 | bullous skin disorder
L20 L30 | NONE | | 5 | dermatitis and eczema
L40 L45 | NONE | | 5 | papulosquamous skin disorder
L49 L54 | NONE | | 5 | urticaria and erythema
L55 L59 | NONE | | 5 | radiation-related skin disorder
L60 L75 | NONE | | 5 | disorder of skin appendages (nails, hair, glands)
L76 L76 | ANY | | 4 | postprocedural complication of skin
L80 L99 | NONE | | 5 | other disorder of skin
M00 M02 | JOINTS SP WB | | 2 | infectious arthropathy
M04 M04 | ANY | | 5 | autoinflammatory syndrome
M05 M14 | JOINTS SP WB | | 3 | inflammatory polyarthropathy
M15 M19 | JOINTS SP | | 3 | osteoarthritis
M1A M1A | JOINTS WB | | 3 | chronic gout
M20 M25 | JOINTS | | 3 | other joint disorder
M26 M27 | H | | 3 | dentofacial anomaly or disease of the jaws
M30 M36 | ANY | | 3 | systemic connective tissue disorder
M40 M54 | SP | | 2 | dorsopathy
M60 M63 | ANY | | 4 | disorder of muscle
M65 M67 | LIMBS | | 3 | disorder of synovium and tendon
M70 M79 | LIMBS PV | | 3 | other soft tissue disorder
M80 M85 | ANY | BONE+ | 2 | disorder of bone density and structure
M86 M90 | MSK H CH | | 3 | other osteopathy
M91 M94 | MSK | | 3 | chondropathy
M95 M95 | ANY | | 4 | other acquired musculoskeletal deformity
M96 M96 | ANY | | 3 | postprocedural musculoskeletal disorder
M97 M97 | JOINTS WB | | 2 | periprosthetic fracture
M99 M99 | SP PV | | 4 | biomechanical lesion
N00 N08 | AP | | 3 | glomerular disease
N10 N16 | AP | | 2 | renal tubulo-interstitial disease
N17 N19 | AP | | 2 | acute kidney failure and chronic kidney disease
N20 N23 | AP | | 1 | urolithiasis
N25 N29 | AP | | 3 | other disorder of kidney and ureter
N30 N39 | PV AB | | 3 | bladder, urethra and other urinary disorders
N40 N53 | PV | | 3 | disease of male genital organs
N60 N65 | BR | | 2 | disorder of breast
N70 N77 | PV AB | | 3 | inflammatory disease of female pelvic organs
N80 N98 | PV AB | | 2 | noninflammatory disorder of female genital tract
N99 N99 | AP | | 3 | postprocedural genitourinary complication
O00 O08 | PV AB | OB | 2 | pregnancy with abortive outcome
O09 O09 | PV AB | OB | 2 | supervision of high-risk pregnancy
O10 O16 | PV AB | OB | 3 | oedema, proteinuria and hypertensive disorders in pregnancy
O20 O29 | PV AB | OB | 3 | other maternal disorder predominantly related to pregnancy
O30 O48 | PV AB | OB | 2 | maternal care related to the fetus, amniotic cavity and delivery problems
O60 O77 | PV AB | OB | 3 | complication of labour and delivery
O80 O82 | PV AB | OB | 5 | encounter for delivery
O85 O92 | PV AB | OB | 3 | complication of the puerperium
O94 O9A | ANY | | 3 | other obstetric condition, maternal disease complicating pregnancy
P00 P09 | ANY | | 5 | newborn affected by maternal factors, growth and gestation
P10 P15 | ANY | | 3 | birth trauma
P19 P29 | CH HT | | 2 | respiratory and cardiovascular disorder of the perinatal period
P35 P39 | ANY | | 4 | infection of the perinatal period
P50 P61 | ANY | | 4 | haemorrhagic and haematological disorder of the newborn
P70 P74 | ANY | | 5 | transitory endocrine and metabolic disorder of the newborn
P76 P78 | AP CH N | | 2 | digestive system disorder of the newborn
P80 P84 | ANY | | 5 | condition of integument and temperature regulation of the newborn
P90 P96 | ANY | | 4 | other disorder originating in the perinatal period
Q00 Q07 | BH SP | | 2 | congenital malformation of the nervous system
Q10 Q18 | BH N | | 3 | congenital malformation of eye, ear, face and neck
Q20 Q28 | HC V | | 2 | congenital malformation of the circulatory system
Q30 Q34 | CH N H | | 2 | congenital malformation of the respiratory system
Q35 Q37 | H | | 3 | cleft lip and cleft palate
Q38 Q45 | AP CH N | | 2 | other congenital malformation of the digestive system
Q50 Q56 | PV AB | | 2 | congenital malformation of genital organs
Q60 Q64 | AP | | 2 | congenital malformation of the urinary system
Q65 Q79 | MSK H CH | | 2 | congenital malformation of the musculoskeletal system
Q80 Q89 | ANY | | 4 | other congenital malformation
Q90 Q99 | ANY | | 4 | chromosomal abnormality
QA0 QA1 | ANY | | 4 | genetic disorder
R00 R09 | CH HT | | 2 | symptom of the circulatory and respiratory systems
R10 R19 | AP | | 2 | symptom of the digestive system and abdomen
R20 R23 | ANY | | 4 | symptom of the skin and subcutaneous tissue
R25 R29 | BH SP | | 3 | symptom of the nervous and musculoskeletal systems
R30 R39 | PV AB | | 3 | symptom of the urinary system
R40 R46 | BH | | 3 | symptom of cognition, perception, emotional state and behaviour
R47 R49 | BH N | | 3 | symptom of speech and voice
R50 R69 | ANY | | 4 | general symptom and sign
R70 R79 | ANY | | 5 | abnormal finding on blood examination
R80 R82 | AP | | 3 | abnormal finding on urine examination
R83 R89 | ANY | | 5 | abnormal finding in other body fluids and specimens
R90 R94 | ANY | | 3 | abnormal finding on imaging or function study
R97 R97 | ANY | | 3 | abnormal tumour marker
R99 R99 | ANY | | 5 | ill-defined cause of mortality
S00 S09 | BH N SC | | 1 | injury to the head
S10 S19 | N SC | | 1 | injury to the neck
S20 S29 | CH ST | | 1 | injury to the thorax
S30 S39 | AP SL | | 1 | injury to the abdomen, lower back, lumbar spine, pelvis and external genitals
S40 S49 | UE CH | | 1 | injury to the shoulder and upper arm
S50 S59 | UE | | 1 | injury to the elbow and forearm
S60 S69 | UE | | 1 | injury to the wrist, hand and fingers
S70 S79 | LE PV | | 1 | injury to the hip and thigh
S80 S89 | LE | | 1 | injury to the knee and lower leg
S90 S99 | LE | | 1 | injury to the ankle and foot
T07 T07 | ANY | | 3 | multiple unspecified injuries
T14 T14 | ANY | | 4 | injury of unspecified body region
T15 T19 | ANY | | 3 | effects of a foreign body entering through a natural orifice
T20 T32 | ANY | | 5 | burn and corrosion
T33 T34 | ANY | | 5 | frostbite
T36 T50 | ANY | | 4 | poisoning, adverse effect or underdosing of a drug
T51 T65 | ANY | | 4 | toxic effect of a nonmedicinal substance
T66 T78 | ANY | | 5 | other and unspecified effect of external causes
T79 T79 | ANY | | 4 | early complication of trauma
T80 T88 | ANY | | 3 | complication of surgical and medical care
U00 U99 | ANY | | 4 | code for special purposes (COVID-19 and related)
V00 Y99 | ANY | | 5 | external cause (qualifies an injury or condition coded elsewhere)
Z00 Z13 | ANY | | 4 | encounter for examination, observation or screening
Z14 Z15 | ANY | | 4 | genetic carrier status and susceptibility
Z16 Z19 | ANY | | 5 | status qualifying another condition
Z20 Z29 | CH | | 5 | exposure to communicable disease, carrier state, immunisation
Z30 Z3A | PV AB | OB | 4 | reproduction, pregnancy and delivery encounters
Z40 Z53 | ANY | | 4 | encounter for procedures, aftercare and devices
Z55 Z65 | NONE | | 5 | social, economic and psychosocial circumstances
Z66 Z71 | NONE | | 5 | status or counselling with no imaging relevance
Z72 Z76 | NONE | | 5 | lifestyle, life management, care-provider and other circumstances
Z77 Z79 | ANY | | 4 | hazardous exposure, health status, long-term drug therapy
Z80 Z87 | ANY | | 4 | family and personal history
Z88 Z88 | NONE | | 5 | allergy status to drugs
Z89 Z99 | ANY | | 4 | acquired absence, implant, device and dependence status
"""

# --- per-category overrides: code | regions | modalities | weight | note ----------------------------
CATS = """
A06 | ANY | | 4 | amoebiasis (liver, lung and brain abscess)
A15 | CH N | | 2 | respiratory tuberculosis
A17 | BH SP | | 3 | tuberculosis of the nervous system
A18 | ANY | | 3 | tuberculosis of other organs (bones, joints, genitourinary, nodes)
A19 | ANY | | 3 | miliary tuberculosis
A31 | ANY | | 4 | other mycobacterial infection
A37 | CH | | 3 | whooping cough
A36 | H N CH | | 5 | diphtheria
A38 | H N CH | | 5 | scarlet fever
A40 | ANY | | 2 | streptococcal sepsis
A41 | ANY | | 2 | other sepsis
A50 | ANY | | 4 | congenital syphilis (long-bone X-ray)
A51 | ANY | | 5 | early syphilis
A52 | ANY | | 4 | late syphilis (neurosyphilis, aortitis)
A53 | ANY | | 5 | other and unspecified syphilis
A54 | ANY | | 4 | gonococcal infection (pelvic, joint)
A64 | ANY | | 5 | unspecified sexually transmitted disease
A70 | CH | | 4 | psittacosis
A71 | H | | 5 | trachoma
B00 | ANY | | 5 | herpes simplex infection (encephalitis, eye)
B02 | ANY | | 4 | herpes zoster
B07 | NONE | | 5 | viral warts
B15 | AB | | 3 | acute hepatitis A
B18 | AB | | 2 | chronic viral hepatitis (liver surveillance)
B20 | ANY | | 3 | HIV disease
B25 | ANY | | 4 | cytomegaloviral disease
B26 | ANY | | 5 | mumps (parotid, testis, pancreas)
B27 | ANY | | 5 | infectious mononucleosis
B30 | H | | 5 | viral conjunctivitis
B57 | ANY | | 4 | Chagas disease (heart, megaoesophagus, megacolon)
B58 | ANY | | 4 | toxoplasmosis
B59 | CH | | 2 | pneumocystosis
B67 | ANY | | 3 | echinococcosis (hydatid cyst)
B69 | ANY | | 3 | cysticercosis
B80 | NONE | | 5 | enterobiasis (pinworm)
B85 | NONE | | 5 | pediculosis
B86 | NONE | | 5 | scabies
B88 | NONE | | 5 | other skin infestation
D00 | H N CH AP RT | ALL | 4 | carcinoma in situ of oral cavity, oesophagus and stomach
D01 | CH AP RT | ALL | 4 | carcinoma in situ of other digestive organs
D02 | BH N CH RT | ALL | 4 | carcinoma in situ of middle ear and respiratory system
D03 | ANY | ALL | 4 | melanoma in situ
D04 | ANY | ALL | 5 | carcinoma in situ of skin (superficial radiotherapy)
D05 | BR | | 2 | carcinoma in situ of breast
D06 | PV AB RT | ALL | 4 | carcinoma in situ of cervix
D07 | PV AB RT | ALL | 4 | carcinoma in situ of other genital organs
D09 | ANY | ALL | 4 | carcinoma in situ of other sites
D10 | H N | | 3 | benign neoplasm of mouth and pharynx
D11 | H N | | 3 | benign neoplasm of salivary gland
D12 | AP | | 4 | benign neoplasm of colon, rectum and anus
D13 | AP CH N | | 3 | benign neoplasm of other digestive organs (liver, pancreas)
D14 | H N CH | | 3 | benign neoplasm of middle ear and respiratory system
D15 | HC | | 3 | benign neoplasm of intrathoracic organs
D16 | MSK H CH | | 3 | benign neoplasm of bone and articular cartilage
D17 | ANY | | 4 | lipoma
D18 | ANY | | 5 | haemangioma and lymphangioma
D19 | CH AP | | 4 | benign neoplasm of mesothelial tissue
D20 | AP | | 3 | benign neoplasm of retroperitoneum and peritoneum
D21 | ANY | | 3 | benign neoplasm of connective and soft tissue
D22 | NONE | | 5 | melanocytic naevus
D23 | ANY | | 5 | other benign neoplasm of skin (subcutaneous nodule)
D24 | BR | | 4 | benign neoplasm of breast
D25 | PV AB | | 3 | uterine leiomyoma
D26 | PV AB | | 3 | other benign neoplasm of uterus
D27 | PV AB | | 4 | benign neoplasm of ovary
D28 | PV | | 4 | benign neoplasm of other female genital organs
D29 | PV | | 3 | benign neoplasm of male genital organs
D30 | AP | | 3 | benign neoplasm of urinary organs
D31 | BH | | 3 | benign neoplasm of eye and adnexa
D32 | BH SP | | 3 | benign meningioma
D33 | BH SP | | 2 | benign neoplasm of brain and central nervous system
D34 | N | THY | 3 | benign neoplasm of thyroid
D35 | AB N BH CH PV V | | 3 | benign neoplasm of other endocrine glands
D36 | ANY | | 4 | benign neoplasm of other sites (nodes, nerves)
D37 | H N CH AP | | 4 | uncertain neoplasm of oral cavity and digestive organs
D38 | H N CH | | 4 | uncertain neoplasm of middle ear, respiratory and intrathoracic organs
D39 | PV AB | | 4 | uncertain neoplasm of female genital organs
D3A | ANY | | 4 | benign neuroendocrine tumour
D40 | PV AB | | 4 | uncertain neoplasm of male genital organs
D41 | AP | | 3 | uncertain neoplasm of urinary organs
D42 | BH SP | | 4 | uncertain neoplasm of meninges
D43 | BH SP | | 4 | uncertain neoplasm of brain and central nervous system
D44 | N AB BH CH | | 4 | uncertain neoplasm of endocrine glands
D45 | ANY | | 4 | polycythaemia vera
D46 | ANY | | 4 | myelodysplastic syndrome
D47 | ANY | ALL | 3 | other uncertain lymphoid, haematopoietic and related neoplasm (MGUS, mastocytosis)
D48 | ANY | | 4 | uncertain neoplasm of other sites
D56 | ANY | | 4 | thalassaemia (cardiac and liver iron MR)
D57 | ANY | | 3 | sickle-cell disorder
D62 | ANY | | 4 | acute posthaemorrhagic anaemia (bleeding source)
D66 | ANY | | 4 | haemophilia A (haemarthrosis)
D67 | ANY | | 4 | haemophilia B
D68 | ANY | | 4 | other coagulation defect, thrombophilia
D73 | AB | | 3 | disease of spleen
D78 | AB | | 3 | postprocedural complication of the spleen
D86 | ANY | | 2 | sarcoidosis
D89 | ANY | | 4 | other immune disorder (IgG4-related disease, cryoglobulinaemia)
E00 | N BH | THY | 5 | congenital iodine-deficiency syndrome
E03 | N BH | THY | 4 | hypothyroidism
E04 | N | THY | 1 | nontoxic goitre and thyroid nodule
E05 | N BH DXAREG | DXA US NM CT MR XR | 2 | thyrotoxicosis (thyroid, orbits, bone density)
E06 | N | THY | 3 | thyroiditis
E07 | N BH | THY | 4 | other thyroid disorder
E20 | N BH | | 5 | hypoparathyroidism
E21 | N DXAREG | DXA US NM CT MR XR | 2 | hyperparathyroidism (localisation, bone density)
E22 | BH | | 3 | pituitary hyperfunction
E23 | BH | | 3 | pituitary hypofunction
E24 | AB BH | | 3 | Cushing syndrome
E25 | AB PV UE | | 4 | adrenogenital disorder (adrenal imaging, bone age)
E26 | AB | | 3 | hyperaldosteronism
E27 | AB | | 3 | other adrenal disorder
E28 | PV AB BH DXAREG | BONE+ | 2 | ovarian dysfunction (pelvic ultrasound, bone density)
E29 | PV BH DXAREG | BONE+ | 4 | testicular dysfunction (scrotal ultrasound, bone density)
E30 | UE BH PV AB | | 3 | disorder of puberty (bone age, pituitary, pelvis)
E31 | ANY | | 5 | polyglandular dysfunction
E32 | CH | | 3 | disease of thymus
E34 | ANY | | 4 | other endocrine disorder (carcinoid syndrome, short stature)
E35 | ANY | | 5 | endocrine disorder in disease classified elsewhere
E45 | ANY | | 5 | retarded development following malnutrition
E50 | H | | 5 | vitamin A deficiency
E51 | BH HC | | 4 | thiamine deficiency
E54 | ANY | | 5 | scurvy
E55 | ANY | DXA XR NM MR CT | 3 | vitamin D deficiency (rickets, osteomalacia, bone density)
E58 | ANY | DXA XR | 5 | dietary calcium deficiency
E66 | ANY | | 4 | overweight and obesity
E73 | AP | | 5 | lactose intolerance
E75 | ANY | | 4 | lipid storage disorder
E76 | ANY | | 4 | mucopolysaccharidosis (skeletal survey)
E78 | HC V N BH AB LE | | 4 | disorder of lipoprotein metabolism (vascular territories, fatty liver)
E79 | ANY | | 5 | disorder of purine metabolism
E83 | ANY | BONE+ | 4 | disorder of mineral metabolism
E84 | ANY | BONE+ | 3 | cystic fibrosis
E85 | ANY | | 3 | amyloidosis
F05 | BH | | 2 | delirium
F17 | CH HC V AB | | 3 | nicotine dependence (lung screening, vascular)
F44 | BH SP | | 4 | dissociative and conversion disorder
F45 | ANY | | 5 | somatoform disorder
F50 | ANY | BONE+ | 4 | eating disorder (bone density, complications)
F51 | BH N | | 5 | sleep disorder
F52 | PV V BH | | 5 | sexual dysfunction
F54 | ANY | | 5 | psychological factors affecting physical conditions
F55 | ANY | | 5 | abuse of non-psychoactive substances
F64 | ANY | BONE+ | 4 | gender identity disorder (bone density, hormone therapy)
F98 | ANY | | 5 | behavioural disorder of childhood (enuresis, encopresis, feeding)
G06 | BH SP | | 2 | intracranial and intraspinal abscess
G08 | BH SP V | | 2 | intracranial and intraspinal phlebitis and thrombophlebitis
G12 | SP BH | | 3 | spinal muscular atrophy and motor neurone disease
G14 | BH SP LIMBS | | 5 | postpolio syndrome
G20 | BH | | 3 | Parkinson disease
G24 | BH N | | 3 | dystonia
G25 | BH SP | | 4 | other extrapyramidal and movement disorder
G32 | BH SP | | 4 | other degenerative disorder (subacute combined degeneration)
G40 | BH | | 2 | epilepsy
G43 | BH | | 1 | migraine
G44 | BH | | 2 | other headache syndrome
G45 | BH N V | | 2 | transient cerebral ischaemic attack
G46 | BH N V | | 2 | vascular syndrome of brain
G47 | BH N CH | | 5 | sleep disorder
G50 | BH RT | NORT+ | 3 | trigeminal nerve disorder (radiosurgery for neuralgia)
G51 | BH | | 3 | facial nerve disorder
G52 | BH N | | 3 | disorder of other cranial nerves
G53 | BH N | | 4 | cranial nerve disorder in disease classified elsewhere
G54 | SP N CH LIMBS PV | | 3 | nerve root and plexus disorder
G55 | SP N CH LIMBS PV | | 4 | nerve root and plexus compression
G56 | UE SC N | | 3 | mononeuropathy of the arm
G57 | LE SL PV | | 3 | mononeuropathy of the leg
G58 | ANY | | 4 | other mononeuropathy
G59 | ANY | | 5 | mononeuropathy in disease classified elsewhere
G61 | SP BH LIMBS | | 3 | inflammatory polyneuropathy
G70 | CH BH | | 3 | myasthenia gravis (thymus CT)
G80 | ANY | | 4 | cerebral palsy (brain, spine, hip surveillance)
G81 | BH N SP V | | 3 | hemiplegia and hemiparesis
G82 | ANY | | 4 | paraplegia and quadriplegia
G83 | BH SP LIMBS PV | | 3 | other paralytic syndrome (cauda equina, monoplegia)
G89 | ANY | | 4 | pain, not elsewhere classified
G90 | ANY | | 5 | disorder of the autonomic nervous system (complex regional pain)
G91 | BH SP AB | | 3 | hydrocephalus (shunt series)
G92 | BH | | 3 | toxic encephalopathy
G93 | BH | | 3 | other disorder of brain
G94 | BH | | 4 | other disorder of brain in disease classified elsewhere
G95 | SP BH | | 2 | other disease of spinal cord
G96 | BH SP | | 3 | other disorder of central nervous system (CSF leak)
G97 | BH SP | | 3 | postprocedural disorder of nervous system
G99 | ANY | | 5 | other disorder of nervous system in disease classified elsewhere
H05 | BH | | 2 | disorder of orbit
H46 | BH | | 2 | optic neuritis
H47 | BH | | 2 | other disorder of optic nerve and visual pathways
H49 | BH | | 3 | paralytic strabismus
H52 | NONE | | 5 | disorder of refraction and accommodation
H53 | BH | | 2 | visual disturbance
H54 | BH | | 3 | blindness and low vision
H55 | BH | | 3 | nystagmus and irregular eye movements
H57 | BH | | 3 | other disorder of eye and adnexa (anisocoria, eye pain)
H68 | BH N | | 4 | Eustachian salpingitis and obstruction
H69 | BH N | | 4 | other disorder of Eustachian tube
H70 | BH | | 2 | mastoiditis
H71 | BH | | 2 | cholesteatoma of middle ear
H81 | BH | | 3 | vestibular disorder
H90 | BH | | 3 | conductive and sensorineural hearing loss
H91 | BH | | 3 | other hearing loss
H92 | BH N | | 4 | otalgia and effusion of ear
H93 | BH N V | | 3 | other disorder of ear (tinnitus, pulsatile tinnitus)
I00 | HC JOINTS | | 5 | rheumatic fever without heart involvement
I02 | BH | | 4 | rheumatic chorea
I11 | HC AP V | | 3 | hypertensive heart disease
I12 | AP V | | 3 | hypertensive chronic kidney disease
I13 | HC AP V | | 3 | hypertensive heart and chronic kidney disease
I15 | AP V BH HC N | | 2 | secondary hypertension (renovascular, adrenal)
I20 | HC | | 2 | angina
I21 | HC | | 3 | acute myocardial infarction
I25 | HC V | | 2 | chronic ischaemic heart disease
I26 | CH V | | 1 | pulmonary embolism
I27 | CH HT | | 3 | other pulmonary heart disease
I28 | CH HT V | | 3 | other disease of pulmonary vessels
I33 | ANY | | 3 | acute and subacute endocarditis (septic emboli)
I38 | ANY | | 3 | endocarditis, valve unspecified
I46 | ANY | | 3 | cardiac arrest
I48 | HC BH V | | 3 | atrial fibrillation and flutter
I50 | HC | | 2 | heart failure
I63 | BH N V | | 1 | cerebral infarction
I65 | N V BH | | 2 | stenosis of precerebral arteries
I70 | V LIMBS AP CH N BH | | 2 | atherosclerosis
I71 | CH AP V | | 1 | aortic aneurysm and dissection
I72 | V BH N CH AP LIMBS | | 3 | other aneurysm
I73 | V LIMBS | | 3 | other peripheral vascular disease
I74 | V LIMBS AP CH | | 3 | arterial embolism and thrombosis
I75 | V LIMBS AP | | 3 | atheroembolism
I76 | ANY | | 3 | septic arterial embolism
I77 | V CH AP N LIMBS BH | | 3 | other disorder of arteries (dissection, stenosis, aortitis)
I78 | ANY | | 5 | disease of capillaries (hereditary haemorrhagic telangiectasia)
I79 | ANY | | 5 | arterial disorder in disease classified elsewhere
I80 | V LIMBS | | 2 | phlebitis and thrombophlebitis
I81 | AB V | | 2 | portal vein thrombosis
I82 | V LIMBS AB PV CH N BH | | 1 | other venous embolism and thrombosis
I83 | V LE | | 3 | varicose veins of the legs
I85 | AB CH V | | 3 | oesophageal varices
I86 | AB PV CH V | | 3 | varices of other sites (varicocele, pelvic, gastric)
I87 | V LIMBS AB PV CH N | | 3 | other venous disorder (post-thrombotic, compression)
I88 | ANY | | 4 | nonspecific lymphadenitis
I89 | V LIMBS WB AB PV CH BR N | | 3 | noninfective disorder of lymphatic vessels and nodes (lymphoedema)
I96 | V LIMBS WB | | 3 | gangrene
I97 | ANY | | 4 | postprocedural circulatory complication
J01 | BH | | 2 | acute sinusitis
J02 | H N | | 5 | acute pharyngitis
J03 | H N | | 4 | acute tonsillitis
J04 | N CH | | 5 | acute laryngitis and tracheitis
J05 | N CH | | 3 | croup and epiglottitis
J18 | CH | | 1 | pneumonia, unspecified organism
J30 | H | | 5 | vasomotor and allergic rhinitis
J32 | BH | | 2 | chronic sinusitis
J33 | H | | 3 | nasal polyp
J34 | H | | 3 | other disorder of nose and sinuses
J38 | N CH H | | 3 | disease of vocal cords and larynx
J39 | N H CH | | 3 | other disease of the upper respiratory tract (retropharyngeal abscess)
J69 | CH N | | 2 | aspiration pneumonitis
J96 | CH N | | 2 | respiratory failure
K00 | H | XR CT | 4 | disorder of tooth development and eruption
K01 | H | | 3 | embedded and impacted teeth
K02 | H | XR | 5 | dental caries (dental X-ray)
K03 | H | XR | 5 | other disease of hard tissues of teeth
K04 | H N | | 3 | disease of pulp and periapical tissues (odontogenic infection)
K05 | H | XR CT | 5 | gingivitis and periodontal disease
K06 | H | | 5 | other disorder of gingiva and alveolar ridge
K11 | H N | | 3 | disease of salivary glands
K12 | H N | | 5 | stomatitis and related lesions
K13 | H N | | 5 | other disease of lip and oral mucosa
K14 | H N | | 5 | disease of tongue
K21 | AB CH N | | 2 | gastro-oesophageal reflux disease
K25 | AP CH | | 3 | gastric ulcer (perforation)
K26 | AP CH | | 3 | duodenal ulcer
K27 | AP CH | | 3 | peptic ulcer
K28 | AP CH | | 3 | gastrojejunal ulcer
K29 | AP | | 4 | gastritis and duodenitis
K30 | AB CH | | 4 | functional dyspepsia
K31 | AP CH | | 3 | other disease of stomach and duodenum (gastroparesis, obstruction)
K35 | AP | | 1 | acute appendicitis
K40 | AP LE | | 3 | inguinal hernia
K41 | AP LE | | 3 | femoral hernia
K44 | CH AB | | 3 | diaphragmatic hernia
K55 | AP V | | 2 | vascular disorder of intestine
K56 | AP CH | | 1 | ileus and intestinal obstruction
K57 | AP | | 1 | diverticular disease
K58 | AP | | 4 | irritable bowel syndrome
K60 | PV | | 3 | anal fissure and fistula
K61 | PV | | 2 | anorectal abscess
K62 | PV AB | | 3 | other disease of anus and rectum
K64 | PV | | 5 | haemorrhoids
K68 | AP SL | | 3 | disorder of retroperitoneum (psoas abscess)
K6A | PV AB | | 3 | disease of the pelvis (pelvic abscess)
K72 | AB BH | | 3 | hepatic failure (encephalopathy)
K76 | AB CH | | 2 | other disease of liver
K80 | AB | | 1 | cholelithiasis
K81 | AB | | 2 | cholecystitis
K85 | AP | | 1 | acute pancreatitis
K86 | AP | | 2 | other disease of pancreas
K90 | AP | | 4 | intestinal malabsorption
K91 | AP CH N | | 3 | postprocedural digestive complication
K92 | AP CH | | 3 | other disease of digestive system (GI haemorrhage)
K94 | AP CH | | 3 | complication of artificial opening of digestive system
K95 | AP CH | | 3 | complication of bariatric procedure
L00 | ANY | | 5 | staphylococcal scalded skin syndrome
L01 | NONE | | 5 | impetigo
L02 | ANY | | 2 | cutaneous abscess, furuncle and carbuncle
L03 | ANY | | 2 | cellulitis and acute lymphangitis
L04 | ANY | | 3 | acute lymphadenitis
L05 | PV SL | | 3 | pilonidal cyst and sinus
L08 | ANY | | 5 | other local infection of skin
L26 | ANY | | 5 | exfoliative dermatitis (lymphoma work-up)
L29 | CH AP | | 5 | pruritus (cholestasis, lymphoma work-up)
L51 | CH | | 5 | erythema multiforme
L52 | CH | | 4 | erythema nodosum (sarcoidosis chest imaging)
L58 | ANY | | 5 | radiodermatitis
L59 | ANY | | 5 | other radiation-related skin disorder
L68 | PV AB | | 4 | hypertrichosis (hirsutism: ovary and adrenal)
L72 | ANY | | 5 | follicular cyst of skin and subcutaneous tissue
L83 | PV AB | | 5 | acanthosis nigricans
L84 | LE | XR | 5 | corns and callosities
L88 | ANY | | 5 | pyoderma gangrenosum
L89 | ANY | | 2 | pressure ulcer (osteomyelitis work-up)
L92 | NONE | | 5 | granulomatous disorder of skin
L94 | ANY | | 4 | localised connective tissue disorder (morphoea, calcinosis)
L95 | ANY | | 5 | vasculitis limited to skin
L97 | LE V WB | | 2 | non-pressure chronic ulcer of lower limb (osteomyelitis, arterial work-up)
L98 | ANY | | 5 | other disorder of skin (chronic skin ulcer)
L99 | ANY | | 5 | skin disorder in disease classified elsewhere
M00 | JOINTS SP WB | | 2 | pyogenic arthritis
M05 | JOINTS SP WB | | 3 | rheumatoid arthritis with rheumatoid factor
M06 | JOINTS SP WB | | 3 | other rheumatoid arthritis
M07 | JOINTS SP AP | | 3 | enteropathic arthropathy
M10 | JOINTS SP WB | | 3 | gout
M16 | LE PV | | 2 | osteoarthritis of hip
M17 | LE | | 1 | osteoarthritis of knee
M18 | UE | | 3 | osteoarthritis of first carpometacarpal joint
M22 | LE | | 3 | disorder of patella
M23 | LE | | 1 | internal derangement of knee
M24 | JOINTS SP | | 3 | other specific joint derangement
M25 | JOINTS SP | | 2 | other joint disorder
M43 | SP N PV | | 3 | other deforming dorsopathy (spondylolysis, torticollis)
M45 | SP PV WB | | 2 | ankylosing spondylitis (sacroiliac joints)
M46 | SP PV WB | | 2 | other inflammatory spondylopathy (discitis, sacroiliitis)
M49 | SP WB | | 4 | spondylopathy in disease classified elsewhere
M53 | SP PV | | 3 | other dorsopathy (instability, sacrococcygeal)
M54 | SP PV | | 1 | dorsalgia
M60 | ANY | | 4 | myositis
M61 | LIMBS PV SP RT WB | NORT+ | 3 | calcification and ossification of muscle (heterotopic ossification, prophylactic radiotherapy)
M62 | LIMBS PV SP AB CH N | | 4 | other disorder of muscle
M63 | ANY | | 5 | muscle disorder in disease classified elsewhere
M72 | ANY | | 4 | fibroblastic disorder (fasciitis, fibromatosis)
M75 | UE | | 1 | shoulder lesion (rotator cuff, impingement)
M76 | LE PV | | 3 | enthesopathy of the leg
M77 | LIMBS | | 3 | other enthesopathy
M79 | ANY | | 3 | other soft tissue disorder (myalgia, foreign body, haematoma)
M80 | ANY | DXA XR CT MR NM | 2 | osteoporosis with pathological fracture
M81 | ANY | DXA | 1 | osteoporosis without pathological fracture
M85 | MSK H CH | | 3 | other disorder of bone structure (fibrous dysplasia, bone cyst)
M84 | MSK H CH | | 2 | disorder of continuity of bone (stress, pathological fracture, nonunion)
M86 | MSK H CH | | 2 | osteomyelitis
M87 | MSK H | | 2 | osteonecrosis
M88 | MSK H | BONE+ | 3 | Paget disease of bone
M89 | ANY | | 4 | other disorder of bone
M90 | MSK H CH | | 4 | osteopathy in disease classified elsewhere
M91 | LE PV WB | | 3 | juvenile osteochondrosis of hip and pelvis
M92 | MSK | | 4 | other juvenile osteochondrosis
M93 | MSK | | 3 | other osteochondropathy (slipped epiphysis, osteochondritis dissecans)
M94 | ANY | | 4 | other disorder of cartilage
M99 | SP PV LIMBS CH AB H | | 4 | biomechanical lesion (segmental dysfunction)
N13 | AP | | 1 | obstructive and reflux uropathy
N17 | AP | | 2 | acute kidney failure
N18 | AP V UE CH | | 3 | chronic kidney disease (kidneys, dialysis access)
N28 | AP V | | 2 | other disorder of kidney and ureter
N31 | PV AB SP | | 3 | neuromuscular dysfunction of bladder
N39 | AP | | 2 | other disorder of urinary system (urinary tract infection)
N40 | PV AB | | 2 | benign prostatic hyperplasia
N43 | PV | | 2 | hydrocele and spermatocele
N44 | PV | | 1 | noninflammatory disorder of testis (torsion)
N45 | PV | | 2 | orchitis and epididymitis
N47 | NONE | | 5 | disorder of prepuce
N52 | PV V | | 4 | male erectile dysfunction (penile Doppler)
N53 | PV | | 5 | other male sexual dysfunction
N61 | BR | | 2 | inflammatory disorder of breast
N63 | BR | | 1 | unspecified lump in breast
N65 | BR | | 3 | deformity of reconstructed breast
N76 | PV | | 5 | other inflammation of vagina and vulva
N77 | PV | | 5 | vulvovaginal ulceration in disease classified elsewhere
N80 | PV AB CH | | 2 | endometriosis
N83 | PV AB | | 1 | noninflammatory disorder of ovary and tube
N86 | NONE | | 5 | erosion and ectropion of cervix
N87 | NONE | | 5 | dysplasia of cervix
N91 | PV AB BH | | 3 | absent, scanty and rare menstruation (pituitary)
N94 | PV AB | | 2 | pain and other conditions of female genital organs
N95 | PV AB DXAREG | BONE+ | 3 | menopausal and perimenopausal disorder (pelvis, bone density)
N97 | PV AB BH | | 3 | female infertility
N98 | PV AB CH | | 3 | complication of artificial fertilisation (ovarian hyperstimulation)
O00 | PV AB | OB CT | 1 | ectopic pregnancy
O01 | PV AB CH | | 3 | hydatidiform mole (chest for metastases)
O08 | ANY | | 3 | complication following ectopic and molar pregnancy
O10 | PV AB BH CH HT | | 3 | pre-existing hypertension in pregnancy
O11 | PV AB BH CH HT | | 3 | pre-existing hypertension with pre-eclampsia
O13 | PV AB BH | | 4 | gestational hypertension
O14 | PV AB BH CH HT | | 2 | pre-eclampsia
O15 | BH PV AB CH | | 2 | eclampsia
O16 | PV AB BH | | 4 | unspecified maternal hypertension
O22 | LE PV BH V | | 2 | venous complications in pregnancy (thrombosis, cerebral venous thrombosis)
O23 | AP | OB | 3 | genitourinary tract infection in pregnancy
O26 | PV AB | OB | 3 | maternal care for other conditions related to pregnancy
O29 | ANY | | 4 | complication of anaesthesia during pregnancy
O33 | PV AB | OB CT XR | 3 | maternal care for disproportion (pelvimetry)
O71 | PV AB | | 3 | other obstetric trauma (uterine rupture, pelvic haematoma)
O72 | PV AB | | 2 | postpartum haemorrhage (angiography and embolisation)
O74 | ANY | | 4 | complication of anaesthesia during labour
O75 | ANY | | 4 | other complication of labour and delivery
O85 | ANY | | 3 | puerperal sepsis
O86 | ANY | | 3 | other puerperal infection
O87 | LE PV BH V | | 2 | venous complications in the puerperium
O88 | CH V | | 1 | obstetric embolism
O89 | ANY | | 4 | complication of anaesthesia during the puerperium
O90 | ANY | | 3 | complication of the puerperium
O91 | BR | | 2 | infection of breast associated with pregnancy and lactation
O92 | BR | | 3 | other disorder of breast and lactation
O94 | ANY | | 5 | sequelae of complication of pregnancy
O98 | ANY | | 3 | maternal infectious disease complicating pregnancy
O99 | ANY | | 3 | other maternal disease complicating pregnancy
O9A | ANY | | 3 | maternal neoplasm, injury or abuse complicating pregnancy
P10 | BH | | 2 | intracranial haemorrhage due to birth injury
P11 | BH SP | | 2 | other birth injury to central nervous system
P12 | BH | | 3 | birth injury to scalp
P13 | MSK H CH | | 2 | birth injury to skeleton
P14 | N UE SC CH | | 3 | birth injury to peripheral nervous system
P15 | ANY | | 3 | other birth injury
P28 | CH HT BH N | | 3 | other respiratory condition of the newborn (apnoea, cyanosis)
P29 | HC V BH | | 3 | cardiovascular disorder of the perinatal period
P38 | AB | | 4 | omphalitis
P52 | BH | | 1 | intracranial nontraumatic haemorrhage of newborn
P57 | BH | | 3 | kernicterus
P58 | AB BH | | 4 | neonatal jaundice due to haemolysis
P59 | AB BH | | 3 | neonatal jaundice (biliary atresia work-up)
P90 | BH | | 2 | convulsions of newborn
P91 | BH | | 1 | other disturbance of cerebral status of newborn
P92 | AB CH N | | 3 | feeding problem of newborn (pyloric stenosis, reflux)
P94 | BH SP | | 4 | disorder of muscle tone of newborn
Q03 | BH SP AB | | 2 | congenital hydrocephalus
Q05 | SP BH PV | | 2 | spina bifida
Q06 | SP BH | | 2 | other congenital malformation of spinal cord
Q10 | BH | | 3 | congenital malformation of eyelid, lacrimal apparatus and orbit
Q11 | BH | | 3 | anophthalmos, microphthalmos
Q16 | BH | | 2 | congenital malformation of ear causing hearing impairment
Q17 | BH | | 4 | other congenital malformation of ear
Q18 | BH N | | 3 | other congenital malformation of face and neck (branchial cleft, cysts)
Q25 | HC V N AB | | 2 | congenital malformation of great arteries
Q26 | HC V AB | | 2 | congenital malformation of great veins
Q27 | ANY | | 3 | congenital malformation of peripheral vascular system
Q28 | ANY | NORT+ | 3 | other congenital malformation of circulatory system (arteriovenous malformation, radiosurgery)
Q30 | H | | 3 | congenital malformation of nose
Q31 | N CH | | 3 | congenital malformation of larynx
Q38 | H N | | 3 | congenital malformation of tongue, mouth and pharynx
Q39 | N CH AB | | 2 | congenital malformation of oesophagus
Q40 | AB CH | | 2 | congenital malformation of upper alimentary tract (pyloric stenosis)
Q44 | AB | | 2 | congenital malformation of gallbladder, bile ducts and liver
Q45 | AB | | 3 | other congenital malformation of digestive system (pancreas)
Q53 | PV AB | | 2 | undescended testicle
Q65 | LE PV | | 1 | congenital deformity of hip (infant hip ultrasound)
Q66 | LE | | 2 | congenital deformity of feet
Q67 | H SP CH | | 3 | congenital deformity of head, face, spine and chest
Q68 | MSK N H CH | | 3 | other congenital musculoskeletal deformity
Q69 | LIMBS | | 4 | polydactyly
Q70 | LIMBS | | 4 | syndactyly
Q71 | UE | | 3 | reduction defect of upper limb
Q72 | LE PV | | 3 | reduction defect of lower limb
Q73 | LIMBS | | 3 | reduction defect of unspecified limb
Q74 | LIMBS PV | | 3 | other congenital malformation of limbs
Q75 | BH | | 2 | congenital malformation of skull and face bones (craniosynostosis)
Q76 | SP CH PV | | 2 | congenital malformation of spine and bony thorax
Q77 | ANY | | 3 | osteochondrodysplasia (skeletal survey)
Q78 | ANY | | 3 | other osteochondrodysplasia
Q79 | ANY | | 3 | other congenital musculoskeletal malformation (diaphragm, abdominal wall)
Q80 | NONE | | 5 | congenital ichthyosis
Q81 | N CH AB | | 5 | epidermolysis bullosa (oesophageal stricture)
Q82 | ANY | | 5 | other congenital malformation of skin (lymphoedema, sacral dimple, mastocytosis)
Q83 | BR | | 3 | congenital malformation of breast
Q84 | NONE | | 5 | other congenital malformation of integument (hair, nails)
Q85 | ANY | | 2 | phakomatosis (neurofibromatosis, tuberous sclerosis)
R00 | HC | | 4 | abnormal heartbeat
R01 | HC | | 4 | cardiac murmur
R03 | ANY | | 5 | abnormal blood pressure reading
R04 | CH H N | | 3 | haemorrhage from respiratory passages
R05 | CH | | 1 | cough
R06 | CH N | | 1 | abnormal breathing (stridor, dyspnoea)
R07 | CH HT N | | 1 | pain in throat and chest
R09 | CH N H HT V | | 3 | other circulatory and respiratory signs
R11 | AB BH | | 3 | nausea and vomiting
R12 | AB CH | | 4 | heartburn
R13 | N CH | | 2 | dysphagia
R14 | AB | | 4 | flatulence
R15 | AP | | 4 | faecal incontinence
R16 | AB | | 2 | hepatomegaly and splenomegaly
R17 | AB | | 2 | jaundice
R18 | AP | | 2 | ascites
R20 | BH SP | | 3 | disturbance of skin sensation
R21 | NONE | | 5 | rash and nonspecific skin eruption
R22 | ANY | | 2 | localised swelling, mass and lump of skin and subcutaneous tissue
R23 | ANY | | 5 | other skin changes (cyanosis, ecchymoses)
R25 | BH | | 4 | abnormal involuntary movements
R26 | BH SP LE PV | | 3 | abnormality of gait and mobility
R27 | BH | | 4 | lack of coordination
R29 | ANY | | 4 | other nervous and musculoskeletal signs (falls, meningismus)
R32 | PV | | 4 | urinary incontinence
R34 | AP | | 2 | anuria and oliguria
R36 | PV | | 5 | urethral discharge
R37 | PV V BH | | 5 | sexual dysfunction
R45 | BH | | 5 | symptom involving emotional state
R46 | BH | | 5 | symptom involving appearance and behaviour
R49 | N H | | 4 | voice disturbance
R50 | ANY | | 3 | fever of other and unknown origin
R51 | BH | | 1 | headache
R55 | BH HC N | | 2 | syncope and collapse
R56 | BH | | 2 | convulsions
R58 | ANY | | 3 | haemorrhage, not elsewhere classified
R59 | ANY | | 3 | enlarged lymph nodes
R60 | V LIMBS | | 3 | oedema
R61 | ANY | | 5 | generalised hyperhidrosis
R62 | ANY | | 3 | lack of expected development (bone age, growth)
R64 | ANY | | 3 | cachexia
R65 | ANY | | 3 | systemic inflammatory response and severe sepsis
R74 | ANY | | 4 | abnormal serum enzymes (liver enzymes, alkaline phosphatase)
R76 | ANY | | 4 | other abnormal immunological finding (positive tuberculosis test)
R77 | ANY | | 4 | abnormal plasma proteins (paraprotein)
R83 | BH SP | | 4 | abnormal finding in cerebrospinal fluid
R84 | CH N | | 4 | abnormal finding in respiratory specimens
R85 | AP | | 4 | abnormal finding in digestive specimens
R86 | PV | | 5 | abnormal finding in male genital specimens
R87 | PV AB | | 5 | abnormal finding in female genital specimens (abnormal smear)
R90 | BH SP | | 2 | abnormal imaging finding of the central nervous system
R91 | CH | | 1 | abnormal imaging finding of the lung
R92 | BR | | 1 | abnormal imaging finding of the breast
R93 | ANY | | 3 | abnormal imaging finding of other body structures
R94 | ANY | | 5 | abnormal result of function study
S02 | BH N SC WB | | 1 | fracture of skull and facial bones
S05 | BH N SC | | 1 | injury of eye and orbit
S06 | BH N SC V | | 1 | intracranial injury
S09 | BH N SC V | | 2 | other and unspecified injury of head
S11 | N SC CH | | 1 | open wound of neck
S12 | SC N WB | | 1 | fracture of cervical vertebra
S14 | SC N UE | | 1 | injury of nerves and spinal cord at neck level
S15 | N SC V BH | | 1 | injury of blood vessels at neck level
S20 | CH BR ST | | 2 | superficial injury of thorax
S21 | CH BR ST AB | | 1 | open wound of thorax
S22 | CH ST AB WB | | 1 | fracture of ribs, sternum and thoracic spine
S25 | CH ST V HT | | 1 | injury of blood vessels of thorax
S26 | HC ST | | 1 | injury of heart
S27 | CH ST N AB | | 1 | injury of other intrathoracic organs
S28 | CH ST BR | | 2 | crushing injury of thorax
S32 | SL PV LE AB WB | | 1 | fracture of lumbar spine and pelvis
S33 | SL AP LE | | 1 | dislocation and sprain of lumbar spine and pelvis
S35 | AP SL V | | 1 | injury of blood vessels at abdomen and pelvis level
S36 | AP SL CH | | 1 | injury of intra-abdominal organs
S42 | UE CH WB | | 1 | fracture of shoulder and upper arm
S45 | UE CH V | | 1 | injury of blood vessels at shoulder and upper arm level
S52 | UE WB | | 1 | fracture of forearm
S55 | UE V | | 1 | injury of blood vessels at forearm level
S62 | UE WB | | 1 | fracture at wrist and hand level
S65 | UE V | | 1 | injury of blood vessels at wrist and hand level
S72 | LE PV WB | | 1 | fracture of femur
S75 | LE PV V | | 1 | injury of blood vessels at hip and thigh level
S82 | LE WB | | 1 | fracture of lower leg, including ankle
S85 | LE V | | 1 | injury of blood vessels at lower leg level
S92 | LE WB | | 1 | fracture of foot and toe
S95 | LE V | | 1 | injury of blood vessels at ankle and foot level
T15 | H | | 3 | foreign body on external eye (orbit X-ray before MRI)
T16 | H | | 4 | foreign body in ear
T17 | H N CH | | 2 | foreign body in respiratory tract
T18 | N CH AP | | 2 | foreign body in alimentary tract
T19 | PV AB | | 3 | foreign body in genitourinary tract
T20 | H N CH BH | | 5 | burn of head, face and neck
T21 | CH AB PV BR SP | | 5 | burn of trunk
T22 | UE CH | | 5 | burn of shoulder and upper limb
T23 | UE | | 5 | burn of wrist and hand
T24 | LE PV | | 5 | burn of lower limb
T25 | LE | | 5 | burn of ankle and foot
T26 | H | | 5 | burn of eye and adnexa
T27 | CH N H | | 3 | burn of respiratory tract (inhalation injury)
T28 | N CH AP | | 3 | burn of internal organs (ingested corrosive)
T69 | LIMBS V | | 5 | other effects of reduced temperature (immersion foot, chilblains)
T71 | N CH BH | | 3 | asphyxiation
T74 | ANY | | 2 | confirmed abuse (skeletal survey)
T76 | ANY | | 2 | suspected abuse (skeletal survey)
T82 | ANY | | 3 | complication of cardiac and vascular prosthetic devices
T83 | AP | | 3 | complication of genitourinary prosthetic devices
T84 | MSK H CH | | 2 | complication of internal orthopaedic devices
T85 | ANY | | 3 | complication of other internal prosthetic devices
T86 | ANY | | 3 | complication of transplanted organs
T87 | LIMBS V WB | | 3 | complication of reattachment and amputation
T88 | ANY | | 5 | other complication of surgical and medical care
U07 | ANY | | 3 | emergency-use codes (COVID-19, vaping-related lung injury)
U09 | ANY | | 4 | post COVID-19 condition
Z00 | NONE | | 5 | general examination without complaint
Z02 | CH HT | XR CT MR | 5 | administrative examination (pre-employment or immigration chest X-ray)
Z03 | ANY | | 4 | observation for suspected condition ruled out
Z04 | ANY | | 3 | examination after accident, assault or alleged abuse
Z05 | ANY | | 4 | observation of newborn for suspected condition ruled out
Z08 | ANY | ALL | 3 | follow-up after completed treatment for malignant neoplasm
Z09 | ANY | | 3 | follow-up after completed treatment for other conditions
Z11 | CH | XR CT | 4 | screening for infectious disease (tuberculosis chest X-ray)
Z12 | ANY | | 3 | screening for malignant neoplasm
Z13 | ANY | | 4 | screening for other diseases
Z14 | NONE | | 5 | genetic carrier
Z15 | ANY | | 3 | genetic susceptibility to disease
Z17 | ANY | ALL | 4 | hormone receptor status of a malignancy
Z18 | ANY | | 3 | retained foreign body fragments
Z19 | ANY | ALL | 4 | hormone sensitivity of a malignancy
Z21 | ANY | | 5 | asymptomatic HIV infection status
Z22 | ANY | | 5 | carrier of infectious disease
Z23 | NONE | | 5 | encounter for immunisation
Z28 | NONE | | 5 | immunisation not carried out
Z29 | NONE | | 5 | encounter for other prophylactic measures
Z30 | NONE | | 5 | contraceptive management
Z31 | PV AB | | 3 | procreative management (infertility work-up)
Z32 | PV AB | OB | 5 | pregnancy test and childbirth instruction
Z34 | PV AB | OB | 2 | supervision of normal pregnancy
Z36 | PV AB | OB | 2 | antenatal screening
Z37 | PV AB | OB | 5 | outcome of delivery
Z38 | ANY | | 4 | liveborn infant (newborn imaging)
Z39 | PV AB BR | | 4 | postpartum care (pelvis, lactating breast)
Z3A | PV AB | OB | 5 | weeks of gestation
Z40 | ANY | | 4 | prophylactic surgery
Z41 | NONE | | 5 | procedures for purposes other than remedying health state
Z43 | AP CH N | | 3 | attention to artificial openings (tube and stoma studies)
Z44 | LIMBS H BR | | 5 | fitting of external prosthetic device
Z45 | ANY | | 3 | adjustment of implanted device
Z46 | ANY | | 4 | fitting of other devices
Z47 | MSK CH H | | 2 | orthopaedic aftercare
Z48 | ANY | | 3 | other postprocedural aftercare
Z49 | AP V UE CH N | | 3 | care involving renal dialysis (access imaging)
Z51 | ANY | | 4 | other aftercare and medical care
Z52 | ANY | | 4 | organ and tissue donor
Z53 | ANY | | 5 | procedure not carried out
Z57 | CH | | 4 | occupational exposure to risk factors (dust, asbestos)
Z77 | ANY | | 5 | contact with hazardous substances
Z78 | ANY | | 5 | other specified health status
Z79 | ANY | BONE+ | 4 | long-term drug therapy (drug monitoring, bone density)
Z80 | ANY | | 3 | family history of malignant neoplasm
Z81 | NONE | | 5 | family history of mental and behavioural disorders
Z85 | ANY | | 3 | personal history of malignant neoplasm
Z89 | JOINTS | | 4 | acquired absence of limb
Z90 | ANY | | 4 | acquired absence of organs
Z91 | ANY | | 5 | personal risk factors
Z92 | ANY | BONE+ | 4 | personal history of medical treatment
Z93 | AP CH N | | 4 | artificial opening status
Z94 | ANY | | 3 | transplanted organ and tissue status
Z95 | HC V | | 3 | cardiac and vascular implants and grafts
Z96 | ANY | | 4 | other functional implants
Z97 | ANY | | 5 | other devices
Z98 | ANY | | 4 | other postprocedural states
Z99 | ANY | | 4 | dependence on machines and devices
"""

# --- subcategory rows: code | regions | modalities | weight | note ---------------------------------
SUBS = """
A31.0 | CH | | 3 | pulmonary mycobacterial infection
B00.4 | BH | | 2 | herpesviral encephalitis
B00.5 | BH | | 4 | herpesviral ocular disease
B08.1 | NONE | | 5 | molluscum contagiosum
B37.2 | NONE | | 5 | candidiasis of skin and nail
D16.0 | UE WB | | 3 | benign bone neoplasm, long bones of the arm
D16.1 | UE WB | | 3 | benign bone neoplasm, short bones of the arm
D16.2 | LE WB | | 3 | benign bone neoplasm, long bones of the leg
D16.3 | LE WB | | 3 | benign bone neoplasm, short bones of the leg
D16.4 | BH WB | | 3 | benign bone neoplasm, skull and face
D16.5 | H WB | | 3 | benign bone neoplasm, mandible
D16.6 | SP WB | | 3 | benign bone neoplasm, vertebral column
D16.7 | CH UE WB | | 3 | benign bone neoplasm, ribs, sternum and clavicle
D16.8 | PV SL LE WB | | 3 | benign bone neoplasm, pelvis, sacrum and coccyx
D17.0 | H N | | 3 | lipoma of head, face and neck
D17.1 | CH AB PV BR SP | | 3 | lipoma of trunk
D17.2 | LIMBS PV | | 3 | lipoma of limb
D17.4 | CH HT | | 3 | lipoma of intrathoracic organs
D17.5 | AP | | 3 | lipoma of intra-abdominal organs
D17.6 | PV | | 3 | lipoma of spermatic cord
D21.0 | H N | | 3 | soft tissue neoplasm of head, face and neck
D21.1 | UE CH | | 3 | soft tissue neoplasm of upper limb and shoulder
D21.2 | LE PV | | 3 | soft tissue neoplasm of lower limb and hip
D21.3 | CH BR SP | | 3 | soft tissue neoplasm of thorax
D21.4 | AB SP | | 3 | soft tissue neoplasm of abdomen
D21.5 | PV | | 3 | soft tissue neoplasm of pelvis
D35.0 | AB | | 2 | benign adrenal neoplasm
D35.1 | N | THY | 2 | benign parathyroid neoplasm
D35.2 | BH RT | NORT+ | 2 | benign pituitary neoplasm (radiosurgery)
D35.3 | BH RT | NORT+ | 2 | craniopharyngioma
D35.4 | BH | | 3 | benign pineal neoplasm
D35.5 | N V BH RT | NORT+ | 3 | carotid body tumour
D35.6 | N CH AB PV V | | 3 | paraganglioma
E05.0 | N BH DXAREG RT | DXA US NM CT MR XR RADONC | 2 | thyrotoxicosis with diffuse goitre (Graves orbitopathy radiotherapy)
E08.2 | AP | | 3 | diabetes with kidney complications
E08.3 | BH | | 4 | diabetes with eye complications
E09.2 | AP | | 3 | diabetes with kidney complications
E09.3 | BH | | 4 | diabetes with eye complications
E10.2 | AP | | 3 | diabetes with kidney complications
E10.3 | BH | | 4 | diabetes with eye complications
E11.2 | AP | | 3 | diabetes with kidney complications
E11.3 | BH | | 4 | diabetes with eye complications
E13.2 | AP | | 3 | diabetes with kidney complications
E13.3 | BH | | 4 | diabetes with eye complications
E89.4 | PV AB DXAREG | BONE+ | 3 | postprocedural ovarian failure
F98.0 | AP SP | | 4 | enuresis (kidneys, bladder, occult spinal dysraphism)
F98.1 | AP | | 4 | encopresis
F98.2 | N CH AB | | 4 | feeding disorder of childhood
F98.5 | BH | | 5 | adult onset fluency disorder
H61.2 | NONE | | 5 | impacted cerumen
I69.0 | BH N V | | 3 | sequelae of subarachnoid haemorrhage
K12.0 | NONE | | 5 | recurrent oral aphthae
K90.0 | AP DXAREG | BONE+ | 3 | coeliac disease (bowel, bone density)
L02.0 | H N | | 2 | abscess of face
L02.1 | N | | 2 | abscess of neck
L02.2 | CH AB PV BR SP | | 2 | abscess of trunk
L02.3 | PV | | 2 | abscess of buttock
L02.4 | LIMBS PV CH | | 2 | abscess of limb
L02.5 | UE | | 2 | abscess of hand
L02.6 | LE | | 2 | abscess of foot
L03.0 | LIMBS | | 2 | cellulitis of finger and toe
L03.1 | LIMBS PV CH | | 2 | cellulitis of limb
L03.2 | H N BH | | 2 | cellulitis of face and neck
L03.3 | CH AB PV BR SP | | 2 | cellulitis of trunk
L40.5 | MSK | | 3 | psoriatic arthropathy
L73.2 | CH AB PV BR LIMBS | | 4 | hidradenitis suppurativa
L89.0 | UE WB | | 2 | pressure ulcer of elbow
L89.1 | SP PV CH WB | | 2 | pressure ulcer of back and sacrum
L89.2 | LE PV WB | | 2 | pressure ulcer of hip
L89.3 | PV LE WB | | 2 | pressure ulcer of buttock
L89.4 | PV SL LE WB | | 2 | pressure ulcer of back, buttock and hip
L89.5 | LE WB | | 2 | pressure ulcer of ankle
L89.6 | LE WB | | 2 | pressure ulcer of heel
L91.0 | ANY | RADONC | 4 | hypertrophic scar and keloid (post-excision radiotherapy)
L92.3 | ANY | | 4 | foreign body granuloma of skin
L93.2 | ANY | | 5 | other local lupus erythematosus (lupus profundus)
M62.0 | AB | | 4 | separation of muscle (diastasis recti)
M62.82 | ANY | | 4 | rhabdomyolysis
M62.83 | SP N LIMBS PV | | 3 | muscle spasm (back, calf)
M62.84 | ANY | BONE+ | 4 | sarcopenia
M72.0 | UE RT | NORT+ | 3 | palmar fibromatosis (Dupuytren)
M72.1 | UE | | 4 | knuckle pads
M72.2 | LE RT | NORT+ | 3 | plantar fasciitis and fibromatosis
M76.0 | PV LE | | 3 | gluteal tendinitis
M76.1 | PV LE | | 3 | psoas tendinitis
M76.2 | PV LE | | 4 | iliac crest spur
M84.5 | MSK H CH RT | ALL | 2 | pathological fracture in neoplastic disease
M96.0 | MSK | | 3 | pseudarthrosis after fusion or arthrodesis
M96.1 | SP | | 2 | postlaminectomy syndrome
M96.2 | SP | | 3 | postradiation kyphosis
M96.3 | SP | | 3 | postlaminectomy kyphosis
M96.4 | SP | | 3 | postsurgical lordosis
M96.5 | SP | | 3 | postradiation scoliosis
M96.A | CH ST | | 3 | rib and sternum fracture after chest compression
M94.0 | CH | | 3 | costochondral junction syndrome (Tietze)
N18.5 | AP V UE CH N | | 3 | chronic kidney disease stage 5 (dialysis access)
N18.6 | AP V UE CH N | | 3 | end stage renal disease (dialysis access)
N62 | BR PV RT | NORT+ | 3 | gynaecomastia (testis ultrasound, prophylactic breast-bud radiotherapy)
N80.B | CH | | 3 | thoracic endometriosis
O03.2 | CH V | | 1 | embolism after spontaneous abortion
O03.7 | CH V | | 1 | embolism after spontaneous abortion
O04.7 | CH V | | 1 | embolism after induced termination
O07.2 | CH V | | 1 | embolism after failed termination
O03.0 | PV AB | | 2 | pelvic infection after spontaneous abortion
O03.5 | PV AB | | 2 | pelvic infection after spontaneous abortion
O04.5 | PV AB | | 2 | pelvic infection after induced termination
O07.0 | PV AB | | 2 | pelvic infection after failed termination
O03.1 | PV AB | | 2 | haemorrhage after spontaneous abortion
O03.6 | PV AB | | 2 | haemorrhage after spontaneous abortion
O04.6 | PV AB | | 2 | haemorrhage after induced termination
O07.1 | PV AB | | 2 | haemorrhage after failed termination
O08.2 | CH V | | 1 | embolism after ectopic or molar pregnancy
O08.0 | PV AB | | 2 | pelvic infection after ectopic or molar pregnancy
O08.1 | PV AB | | 2 | haemorrhage after ectopic or molar pregnancy
O08.6 | PV AB | | 2 | pelvic organ damage after ectopic or molar pregnancy
O08.7 | LE PV BH V | | 2 | venous complication after ectopic or molar pregnancy
O22.4 | PV | OB | 5 | haemorrhoids in pregnancy
O26.6 | AB PV | OB | 2 | liver and biliary disorder in pregnancy
O87.2 | PV | OB | 5 | haemorrhoids in the puerperium
O90.0 | AP | | 2 | disruption of caesarean wound
O90.1 | PV | | 3 | disruption of perineal wound
O90.2 | AP | | 2 | haematoma of obstetric wound
O90.3 | HC | | 2 | peripartum cardiomyopathy
O90.4 | AP | | 2 | postpartum acute kidney failure
O90.5 | N | THY | 3 | postpartum thyroiditis
O90.6 | BH | | 5 | postpartum mood disturbance
O99.4 | HC V BH N | | 3 | circulatory disease complicating pregnancy
R29.1 | BH SP | | 3 | meningismus
R29.2 | BH SP | | 3 | abnormal reflex
R29.4 | LE PV | | 2 | clicking hip
R29.7 | BH N V | | 2 | stroke scale score
R76.1 | CH | | 2 | reaction to tuberculin test
T82.0 | HC | | 2 | complication of heart valve prosthesis
T82.1 | HC | | 2 | complication of cardiac electronic device
T82.2 | HC V | | 2 | complication of bypass graft and biological valve
T82.6 | HC | | 2 | infection of cardiac valve prosthesis
T85.0 | BH N CH AP SP | | 2 | complication of ventricular shunt (shunt series)
T85.2 | H | | 3 | complication of intraocular lens
T85.3 | BH | | 3 | complication of other ocular implants
T85.4 | BR CH | | 2 | complication of breast prosthesis
T85.5 | AP CH N | | 2 | complication of gastrointestinal devices
T86.1 | AP V | | 2 | complication of kidney transplant
T86.2 | HC V | | 2 | complication of heart transplant
T86.3 | HC V | | 2 | complication of heart-lung transplant
T86.4 | AB V | | 2 | complication of liver transplant
T86.81 | CH V | | 2 | complication of lung transplant
T86.84 | H | | 3 | complication of corneal transplant
U07.0 | CH | | 2 | vaping-related lung injury
Z00.2 | UE BH | | 4 | examination for period of rapid growth (bone age)
Z00.3 | UE BH | | 5 | examination for adolescent development
Z00.5 | ANY | | 4 | examination of potential organ or tissue donor
Z00.6 | ANY | | 4 | examination for comparison and control in a clinical research programme
Z00.7 | UE BH | | 4 | examination for period of delayed growth (bone age)
Z01.0 | NONE | | 5 | examination of eyes and vision
Z01.1 | NONE | | 5 | examination of ears and hearing
Z01.2 | H | XR CT | 5 | dental examination (dental X-ray)
Z01.3 | NONE | | 5 | examination of blood pressure
Z01.4 | NONE | | 5 | gynaecological examination
Z01.810 | HC | | 3 | pre-procedural cardiovascular examination
Z01.812 | NONE | | 5 | pre-procedural laboratory examination
Z01.82 | NONE | | 5 | allergy test
Z01.83 | NONE | | 5 | blood typing
Z01.84 | NONE | | 5 | antibody response examination
Z12.0 | AB | | 3 | screening for stomach cancer
Z12.4 | PV | | 5 | screening for cervical cancer
Z12.5 | PV | | 3 | screening for prostate cancer
Z12.6 | AP | | 3 | screening for bladder cancer
Z12.81 | H N | | 4 | screening for cancer of the oral cavity
Z12.82 | BH SP | | 4 | screening for cancer of the nervous system
Z12.83 | NONE | | 5 | screening for skin cancer
Z13.0 | NONE | | 5 | screening for blood disorders
Z13.1 | NONE | | 5 | screening for diabetes
Z13.21 | NONE | | 5 | screening for nutritional disorder
Z13.22 | NONE | | 5 | screening for metabolic disorder (lipids)
Z13.3 | NONE | | 5 | screening for mental health and behavioural disorders
Z13.4 | NONE | | 5 | screening for developmental delays
Z13.5 | BH | | 5 | screening for eye and ear disorders
Z13.7 | NONE | | 5 | screening for genetic disorders
Z13.81 | AP CH | | 3 | screening for digestive system disorders
Z13.82 | ANY | BONE+ | 3 | screening for musculoskeletal disorders (bone density)
Z13.83 | CH | | 3 | screening for respiratory disorders
Z13.84 | H | XR CT | 5 | screening for dental disorders
Z13.85 | BH SP | | 3 | screening for nervous system disorders
Z22.7 | CH | XR CT | 3 | latent tuberculosis
Z30.2 | PV | FLUORO US | 4 | sterilisation (tubal occlusion confirmation)
Z30.4 | PV UE | US XR FLUORO CT MR | 3 | surveillance of contraceptives (IUD or implant localisation)
Z32.2 | NONE | | 5 | childbirth instruction
Z32.3 | NONE | | 5 | childcare instruction
Z39.1 | BR | | 4 | care of lactating mother
Z41.1 | ANY | | 5 | cosmetic surgery (planning imaging)
Z42.1 | BR | | 3 | breast reconstruction after mastectomy
Z43.0 | N CH | | 3 | attention to tracheostomy
Z45.0 | HC | | 3 | management of cardiac device
Z45.3 | BH | | 3 | management of implanted hearing device
Z45.4 | BH N CH AP SP | | 3 | management of nervous system device (shunt, stimulator)
Z45.81 | BR CH | | 3 | management of breast implant
Z46.0 | NONE | | 5 | fitting of spectacles and contact lenses
Z46.1 | NONE | | 5 | fitting of hearing aid
Z46.2 | BH SP | | 4 | fitting of nervous system devices
Z46.3 | H | XR CT | 5 | fitting of dental prosthesis
Z46.4 | H | XR CT | 4 | fitting of orthodontic device (cephalometry)
Z46.5 | AP CH | | 4 | fitting of gastrointestinal appliance
Z46.6 | AP | | 4 | fitting of urinary device
Z48.2 | ANY | | 3 | aftercare following organ transplant
Z48.3 | ANY | ALL | 3 | aftercare following surgery for neoplasm
Z51.0 | ANY | ALL | 2 | encounter for antineoplastic radiation therapy
Z51.5 | ANY | ALL | 4 | palliative care
Z51.6 | NONE | | 5 | desensitisation to allergens
Z52.0 | NONE | | 5 | blood donor
Z52.4 | AP V CH | | 3 | kidney donor (donor evaluation)
Z52.6 | AB V CH | | 3 | liver donor (donor evaluation)
Z72.0 | CH HC V AB | | 4 | tobacco use
Z76.8 | ANY | | 5 | other specified circumstances (awaiting transplant)
Z78.1 | NONE | | 5 | physical restraint status
Z80.0 | AP | | 3 | family history of digestive cancer
Z80.1 | CH | | 3 | family history of lung cancer
Z80.4 | PV AB | | 3 | family history of genital cancer
Z80.5 | AP | | 3 | family history of urinary tract cancer
Z82.0 | BH | | 4 | family history of epilepsy and nervous system disease
Z82.1 | BH | | 5 | family history of blindness
Z82.2 | BH | | 5 | family history of deafness
Z82.3 | BH N V | | 4 | family history of stroke
Z82.4 | HC V | | 3 | family history of ischaemic heart disease
Z82.5 | CH | | 4 | family history of chronic lower respiratory disease
Z82.6 | ANY | BONE+ | 4 | family history of arthritis and osteoporosis
Z83.0 | NONE | | 5 | family history of HIV
Z83.3 | NONE | | 5 | family history of diabetes
Z83.5 | BH | | 5 | family history of eye and ear disorders
Z83.6 | CH | | 4 | family history of respiratory disease
Z83.71 | AP | | 3 | family history of colonic polyps
Z84.1 | AP | | 3 | family history of kidney disorders (polycystic kidney)
Z84.3 | NONE | | 5 | family history of consanguinity
Z86.11 | CH | | 3 | personal history of tuberculosis
Z86.6 | BH SP | | 3 | personal history of nervous system disease
Z86.71 | V LIMBS CH AP BH N | | 3 | personal history of venous thrombosis and embolism
Z86.73 | BH N V | | 3 | personal history of TIA and cerebral infarction
Z86.74 | HC | | 3 | personal history of sudden cardiac arrest
Z87.0 | CH | | 3 | personal history of respiratory disease
Z87.1 | AP | | 3 | personal history of digestive disease
Z87.2 | NONE | | 5 | personal history of skin disease
Z87.4 | AP | | 3 | personal history of genitourinary disease (calculi)
Z87.82 | ANY | | 3 | personal history of injury and trauma
Z90.0 | BH N | | 3 | acquired absence of part of head and neck
Z90.2 | CH | | 3 | acquired absence of lung
Z90.3 | AB CH | | 3 | acquired absence of stomach
Z90.4 | AP | | 3 | acquired absence of other digestive organs
Z90.5 | AP | | 3 | acquired absence of kidney
Z90.6 | AP | | 3 | acquired absence of other urinary organs
Z90.7 | PV AB | | 3 | acquired absence of genital organs
Z90.81 | AB | | 4 | acquired absence of spleen
Z91.1 | NONE | | 5 | noncompliance with medical treatment
Z91.A | NONE | | 5 | caregiver noncompliance
Z92.3 | ANY | ALL | 3 | personal history of irradiation
Z95.8 | HC V LIMBS AP N BH | | 3 | other cardiac and vascular implants (peripheral stents, grafts)
Z96.0 | AP | | 4 | urogenital implants
Z96.1 | H | | 4 | intraocular lens
Z96.2 | BH | | 3 | otological and cochlear implants
Z96.3 | N | | 4 | artificial larynx
Z96.5 | H | | 4 | tooth-root and mandibular implants
Z96.6 | JOINTS SP WB | | 3 | orthopaedic joint implants
Z96.7 | MSK H CH | | 3 | other bone and tendon implants
Z97.0 | H | | 5 | artificial eye
Z97.1 | JOINTS | | 4 | artificial limb
Z97.2 | H | | 5 | dental prosthetic device
Z97.3 | NONE | | 5 | spectacles and contact lenses
Z97.4 | NONE | | 5 | external hearing aid
Z97.5 | PV | | 3 | intrauterine contraceptive device
Z98.0 | AP | | 4 | intestinal bypass and anastomosis status
Z98.1 | MSK | | 3 | arthrodesis status
Z98.2 | BH N CH AP SP | | 3 | CSF drainage device
Z98.4 | H | | 5 | cataract extraction status
Z98.5 | PV | | 4 | sterilisation status
Z98.6 | HC V LIMBS AP N BH | | 3 | angioplasty status
Z98.82 | BR CH | | 3 | breast implant status
Z98.84 | AP CH | | 3 | bariatric surgery status
Z99.1 | CH N | | 3 | dependence on respirator
Z99.2 | AP V UE CH N | | 3 | dependence on renal dialysis
Z99.81 | CH | | 4 | dependence on supplemental oxygen
"""

# --- site refinement ---------------------------------------------------------------------------------
# Categories whose subcategory titles name a body site. The category's own row (CATS or BLOCKS) gives the
# "extras": every region of it that is not a site (WHOLE_BODY, VASCULAR, OTHER) is kept on refined rows,
# and so are PELVIS for M45/M46 (sacroiliac joints).
REFINE = ("M00 M01 M02 M05 M06 M07 M08 M10 M11 M12 M13 M14 M15 M19 M1A M20 M21 M24 M25 M40 M41 M42 M43 M45 "
          "M46 M47 M48 M49 M51 M53 M54 M60 M61 M62 M65 M66 M67 M70 M71 M77 M79 M84 M85 M86 M87 M88 M89 M90 "
          "M92 M93 M94 M95 M96 M97 M99 T33 T34 T84 T87 Z89 Z96").split()
KEEP_EXTRA = {"M45": {"PELVIS"}, "M46": {"PELVIS"}, "M89": {"WHOLE_BODY"}, "M94": {"WHOLE_BODY"},
              "T33": {"VASCULAR", "WHOLE_BODY"}, "T34": {"VASCULAR", "WHOLE_BODY"}}
SITE_REGIONS = {"BRAIN", "HEAD", "NECK", "CHEST", "BREAST", "HEART", "SPINE_CERVICAL", "SPINE_THORACIC",
                "SPINE_LUMBAR", "ABDOMEN", "PELVIS", "UPPER_EXTREMITY", "LOWER_EXTREMITY"}
SITE_WORDS = [
    # spine first: compound words before their parts
    (r"occipito-atlanto-axial", "SC H"), (r"cervicocranial", "SC BH"), (r"cervicobrachial", "SC UE"),
    (r"cervicothoracic", "SC ST"), (r"thoracolumbar", "ST SL"), (r"lumbosacral", "SL"),
    (r"sacral and sacrococcygeal", "SL PV"), (r"sacrococcygeal", "SL PV"), (r"sacroiliac", "PV"),
    (r"sacrum|coccyx|sacral", "SL PV"), (r"cervical", "SC"), (r"thoracic", "ST"), (r"lumbar", "SL"),
    (r"multiple sites in spine|vertebrae|vertebra|vertebral column|spine", "SP"),
    (r"shoulder|upper arm|humerus|elbow|forearm|radius|ulna|wrist|hands?|fingers?|thumb|carpal|metacarpal"
     r"|upper limb|upper extremity|arm|scapula|clavicle|epicondylitis|olecranon", "UE"),
    (r"hip|pelvic region and thigh|gluteal|trochanteric|buttock", "LE PV"),
    (r"thigh|femur|knee|patella|lower leg|tibia|fibula|ankle|foot|feet|toes?|hallux|tarsal|metatarsal"
     r"|metatarsalgia|heel|calcaneal|lower limb|lower extremity|leg|achilles|plantar", "LE"),
    (r"jaw|mandible|maxilla|skull|face|nose|ear|temporomandibular", "H"),
    (r"head region", "H SC"), (r"head(?! of)", "H"),
    (r"neck", "N SC"), (r"chest|ribs?|rib cage|sternum|thorax", "CH"),
    (r"abdomen|abdominal wall|abdominal", "AB PV"), (r"lower back", "SL"), (r"pelvis|pelvic", "PV"),
]
# organ words add an organ to the parent's regions (or to the site found): "rheumatoid lung disease with ..."
ORGAN_WORDS = [(r"lung", "CH"), (r"heart|carditis|pericarditis", "HC")]
NO_SITE = re.compile(r"multiple sites(?! in spine)|unspecified site|site unspecified|other site|other sites"
                     r"|other organs and systems|other specified site|organ or system involvement", re.I)


def organ_regions(title):
    t = title.lower()
    found = set()
    for pattern, spec in ORGAN_WORDS:
        if re.search(r"\b(?:" + pattern + r")\b", t):
            found.update(regions(spec).split(","))
    return found


def site_regions(title):
    t = title.lower()
    if NO_SITE.search(t):
        return None
    found = set()
    rest = t
    for pattern, spec in SITE_WORDS:
        rx = re.compile(r"\b(?:" + pattern + r")\b")
        if rx.search(rest):
            found.update(regions(spec).split(","))
            rest = rx.sub(" ", rest)
    return found or None


# --- reading the code sets ---------------------------------------------------------------------------
def read_codes():
    """code (dotted) -> title for FY2026 codes (open rows of the history) and FY2027 additions."""
    codes = {}
    with gzip.open(HISTORY, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        i = {name: n for n, name in enumerate(header)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            if row[i["effective_to_exclusive"]] == "":
                codes[row[i["code_dotted"]]] = row[i["long_description"]]
    with gzip.open(CHANGES, "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        i = {name: n for n, name in enumerate(header)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            if row[i["change_type"]] in ("added", "title_revised", "became_header"):
                codes.setdefault(row[i["code_dotted"]], row[i["long_description_after"]])
    return codes


def read_hand():
    prefixes = set()
    with open(HAND, encoding="utf-8") as f:
        header_seen = False
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if not header_seen:
                header_seen = True
                continue
            prefixes.add(line.split("\t")[0].replace(".", ""))
    return prefixes


def parse_table(text, ranged):
    rows = []
    for line in text.strip().splitlines():
        fields = [f.strip() for f in line.split("|")]
        key, reg, mod, weight, note = fields
        rows.append((key.split() if ranged else key, regions(reg), modalities(mod), int(weight), note))
    return rows


def main():
    codes = read_codes()
    hand = read_hand()
    categories = sorted({c[:3] for c in codes})
    blocks = parse_table(BLOCKS, True)
    cats = {k: (r, m, w, n) for k, r, m, w, n in parse_table(CATS, False)}
    subs = parse_table(SUBS, False)

    rows = {}
    problems = []
    for cat in categories:
        if cat in cats:
            rows[cat] = cats[cat]
            continue
        hits = [b for b in blocks if b[0][0] <= cat <= b[0][1]]
        if len(hits) != 1:
            problems.append(f"{cat}: {len(hits)} blocks")
            continue
        _, r, m, w, n = hits[0]
        rows[cat] = (r, m, w, n)
    for k in cats:
        if k not in categories:
            problems.append(f"CATS {k} is not a category")
    for k, r, m, w, n in subs:
        if k in rows and len(k) > 3:
            problems.append(f"SUBS {k} twice")
        if not any(c == k or c.startswith(k) for c in codes):
            problems.append(f"SUBS {k} matches no code")
        rows[k] = (r, m, w, n)

    explicit = set(rows)
    # site refinements, never below a hand-written row longer than a category
    refined = {}
    for cat in REFINE:
        base_r, base_m, base_w, base_n = rows[cat]
        extras = set() if base_r in ("ANY", "NONE") else set(base_r.split(",")) - SITE_REGIONS
        extras |= KEEP_EXTRA.get(cat, set())
        members = sorted((c for c in codes if c.startswith(cat) and len(c) > 3), key=lambda c: (len(c), c))
        effective = {cat: base_r}
        for code in members:
            undotted = code.replace(".", "")
            if any(len(h) > 3 and undotted.startswith(h) for h in hand):
                continue
            parent = max((p for p in effective if code.startswith(p) and p != code), key=len)
            own = rows.get(code)
            if own is not None and code != cat:
                effective[code] = own[0]
                continue
            # a refinement below an explicit subcategory row keeps that row's modalities and extras
            anchor = max((p for p in rows if code.startswith(p) and p != code and p.startswith(cat)), key=len)
            a_r, a_m, a_w, a_n = rows[anchor]
            a_extras = extras if anchor == cat else (
                set() if a_r in ("ANY", "NONE") else set(a_r.split(",")) - SITE_REGIONS)
            found = site_regions(codes[code])
            organs = organ_regions(codes[code])
            if not found and not organs:
                effective[code] = effective[parent]
                continue
            if not found:
                if effective[parent] in ("ANY", "NONE"):
                    effective[code] = effective[parent]
                    continue
                found = set(effective[parent].split(","))
            new = ",".join(r for r in REGION_NAMES if r in found | organs | a_extras)
            if new != effective[parent]:
                label = re.sub(r"\s*\(.*?\)", "", a_n).split(",")[0]
                refined[code] = (new, a_m, a_w, f"{label}: site from the code title")
            effective[code] = new
    for code, row in refined.items():
        rows.setdefault(code, row)

    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)

    with open(OUT, "w", encoding="utf-8") as out:
        out.write(HEADER)
        out.write("prefix\tregions\tmodalities\tweight\tnote\n")
        for key in sorted(explicit):
            r, m, w, n = rows[key]
            out.write(f"{key}\t{r}\t{'' if r == 'NONE' else m}\t{w}\t{n}\n")
        out.write("# --- site refinements generated from the body site in the subcategory titles ---\n")
        for key in sorted(k for k in rows if k not in explicit):
            r, m, w, n = rows[key]
            out.write(f"{key}\t{r}\t{m}\t{w}\t{n}\n")
    print(f"wrote {OUT}: {len(categories)} categories, {len(subs)} subcategory rows, "
          f"{len(refined)} site refinements")


HEADER = """\
# Category-level pairing affinity: every ICD-10-CM category (FY2026 and FY2027) with the body regions and
# modalities of the studies it can be the reason for, so that no diagnosis is left UNKNOWN. Same format and
# semantics as indications.tsv (longest prefix wins; regions ANY = any region; modalities blank = every
# modality except DXA and RADONC, which must be named; ALL = every modality), plus:
#   NONE    in regions: no imaging study can be supported by this diagnosis as its reason (acne, refraction,
#           routine encounters, social circumstances). Kept small: where a coder could defend imaging the
#           row names regions instead.
#   OTHER   in regions, only on rows naming RADONC: radiation oncology images no fixed region.
# Hand-written rows of indications.tsv take precedence over rows here whose prefix is equal or shorter;
# refinement rows are never generated below a hand-written subcategory row.
# Generated by tools/build_category_indications.py (block defaults, per-category and subcategory
# judgement, and body sites read from the public-domain ICD-10-CM titles): edit the generator, not this
# file. RadPair's own clinical-coding judgement, not a payer policy. Coverage: tools/pairing_coverage.py.
"""

if __name__ == "__main__":
    main()
