/**
 * Google's Exposure Notifications BLE calibration list, en-calibration-2020-12-14.csv: per Android model (Build.MODEL)
 * the RSSI correction and the calibrated tx power, in dB, such that attenuation = tx − (rssi + rssi_correction) is
 * comparable across models. Published with developers.google.com/android/exposure-notifications/ble-attenuation-
 * computation (device list); © Google, CC-BY-4.0. Transcribed from the copy in microg/GmsCore,
 * play-services-nearby/core/src/main/kotlin/org/microg/gms/nearby/exposurenotification/DeviceInfo.kt
 * (Apache-2.0 AND CC-BY-4.0, "derived from en-calibration-2020-12-14.csv"); every row there has confidence 3 (high).
 *
 * Columns: oem | device (Build.DEVICE) | model (Build.MODEL) | rssi_correction | tx. Kept as text so the table stays
 * one screen per manufacturer and a newer list can be pasted in; device-calibration.ts parses it once.
 */
export const EN_CALIBRATION_ROWS = `
asus|ASUS_A001|ASUS_A001|9|-25
asus|ASUS_I001_1|ASUS_I001D|4|-28
asus|ASUS_I002D|ASUS_I002D|7|-37
asus|ASUS_I003_1|ASUS_I003DD|1|-32
asus|ASUS_I01WD|ASUS_I01WD|5|-27
asus|ASUS_X008_1|ASUS_X008DC|0|-21
asus|ASUS_X00T_3|ASUS_X00TD|2|-26
asus|ASUS_X018_4|ASUS_X018D|2|-22
asus|ASUS_X01BD_1|ASUS_X01BDA|2|-25
asus|ASUS_Z010_CD|ASUS_Z010D|2|-18
asus|ASUS_Z01F_1|ASUS_Z01FD|5|-20
asus|ASUS_Z01QD_1|ASUS_Z01QD|3|-25
asus|ASUS_Z01R_1|ASUS_Z01RD|4|-26
asus|P027|P027|4|-20
blackberry|bbe100|BBE100-4|6|-27
blu|Grand_M|Grand M|-1|-21
blu|Studio_Mega|Studio Mega|6|-28
blu|Tank_Xtreme_4_0|Tank Xtreme 4.0|1|-24
blu|BLU_VIVO_5|VIVO 5|5|-24
blu|V0270WW|Vivo ONE|4|-25
coolpad|CP8722|Coolpad 8722V|0|-20
docomo|SO-41A|SO-41A|2|-31
essential products|mata|PH-1|7|-24
google|sailfish|Pixel|-3|-26
google|blueline|Pixel 3|5|-33
google|sargo|Pixel 3a|2|-29
google|bonito|Pixel 3a XL|2|-28
google|flame|Pixel 4|8|-30
google|coral|Pixel 4 XL|7|-26
google|sunfish|Pixel 4a|1|-30
google|redfin|Pixel 5|5|-25
google|marlin|Pixel XL|-2|-26
google|gobo|gobo_512|2|-22
htc|htc_pmewhl|2PS64|-1|-31
htc|htc_pmewl|HTC 10|1|-31
htc|htc_pmeuhl|HTC 10|2|-33
htc|htc_a16ul|HTC Desire 530|5|-28
htc|htc_ocnwhl|HTC U11|2|-21
htc|htc_ocndugl|HTC U11|2|-27
htc|htc_ocmdugl|HTC U11 plus|3|-28
htc|htc_imldugl|HTC U12 life|2|-23
htc|htc_imedugl|HTC U12+|7|-33
htc|htc_ocedugl|HTC_U-1u|-5|-29
htc|htc_ocndugl|HTC_U-3u|5|-23
huawei|HWANE|ANE-LX3|3|-3
huawei|HWCLT|CLT-L09|-1|-30
huawei|HWCOR|COR-L29|2|-5
huawei|HWDRA-MG|DRA-LX3|4|-24
huawei|HWTIT-L6735|HUAWEI TIT-AL00|4|-10
huawei|HW-01K|HW-01K|-1|-32
huawei|hwfdra04l|HWT31|3|-24
huawei|HNKIW-Q|KIW-L24|7|-25
huawei|HWMHA|MHA-L29|2|-27
huawei|HWNEO|NEO-L29|-3|-28
huawei|angler|Nexus 6P|6|-27
huawei|HWPIC|PIC-AL00|-1|-3
huawei|HWPRA-H|PRA-LX1|1|-3
huawei|HWWAS-H|WAS-LX3|2|-4
infinix|Infinix-X627STU|Infinix X627|3|-27
infinix|Infinix-X650|Infinix X650|1|-26
infinix|Infinix-X650C|Infinix X650C|3|-30
infinix|Infinix-X653|Infinix X653|4|-24
infinix|Infinix-X653C|Infinix X653C|-1|-23
itel|itel-A32F|itel A32F|3|-26
itel|itel-L5503|itel L5503|-3|-6
itel|itel-L6005|itel L6005|-4|-1
itel|itel-W5504|itel W5504|-1|-11
lava|Z50|Z50|6|-26
leagoo|T5c|T5c|-29|-23
lenovo|A1010a20|Lenovo A1010a20|2|-25
lenovo|A6600d40|Lenovo A6600d40|3|-26
lenovo|guamp|Lenovo K12 Note|1|-18
lenovo|K33a42|Lenovo K33a42|3|-29
lenovo|K33a48|Lenovo K33a48|3|-27
lenovo|seoul|Lenovo K520|4|-20
lenovo|k52_e78|Lenovo K52e78|0|-18
lenovo|K53a48|Lenovo K53a48|5|-29
lenovo|brady_f|Lenovo K8|4|-22
lenovo|manning|Lenovo K8 Note|4|-26
lenovo|jd2018|Lenovo L78011|1|-21
lenovo|P2a42|Lenovo P2a42|3|-19
lenovo|TB3-710I|Lenovo TB3-710I|3|-26
lenovo|zoom_tdd|Lenovo Z90-3|5|-22
letv|le_s2_ww|Le X527|4|-21
lge|lv0|LG-AS110|6|-24
lge|p1|LG-F500L|-3|-24
lge|h1|LG-F700L|9|-28
lge|c50|LG-H345|3|-21
lge|g4stylus|LG-H634|3|-21
lge|p1|LG-H815|-3|-25
lge|mme0n|LG-K100|2|-23
lge|mm1v|LG-K350|1|-21
lge|m253|LG-K430|2|-22
lge|k5|LG-K500|6|-22
lge|ph1|LG-K540|6|-22
lge|mlv5|LG-M250|3|-22
lge|mlv1|LG-X230|2|-23
lge|mlv3|LG-X240|1|-22
lge|e7iilte|LGLK430|2|-18
lge|me0|LGLS450|5|-24
lge|joan|LGM-V300L|4|-21
lge|anna|LGM-X800L|6|-13
lge|p1|LGUS991|-4|-25
lge|mdh30xlm|LM-K500|6|-30
lge|mh3|LM-Q620|7|-33
lge|mdh50lm|LM-Q730|4|-30
lge|phoenix_sprout|LM-Q910|4|-24
lge|timelm|LM-V600|-1|-33
lge|cv1|LM-X210|4|-18
lge|bullhead|Nexus 5X|-6|-25
lge|h1|RS988|8|-3
lge|lucye|VS988|-3|-8
lge|elsa|VS995|6|-3
meizu|mx4|MX4|5|-5
motorola|athene_f|Moto G (4)|0|-17
motorola|cedric|Moto G (5)|3|-19
motorola|potter_n|Moto G (5) Plus|6|-20
motorola|potter|Moto G (5) Plus|3|-19
motorola|sanders|Moto G (5S) Plus|4|-19
motorola|harpia|Moto G Play|5|-23
motorola|albus|Moto Z2 Play|3|-18
motorola|osprey_uds|MotoG3|5|-21
motorola|shamu|Nexus 6|10|-29
motorola|clark|XT1575|0|-30
motorola|harpia|XT1609|5|-22
motorola|addison|XT1635-01|5|-19
motorola|griffin|XT1650|-3|-26
motorola|taido_row|XT1706|8|-27
motorola|pettyl|moto e5 play|1|-27
motorola|rjames_f|moto e5 play|3|-18
motorola|kiev|moto g 5G|4|-26
motorola|nairo|moto g 5G plus|-3|-26
motorola|sofiap_sprout|moto g pro|4|-34
motorola|jeter|moto g(6) play|3|-20
motorola|river|moto g(7)|4|-23
motorola|channel|moto g(7) play|6|-32
motorola|lake_n|moto g(7) plus|3|-23
motorola|doha_n|moto g(8) plus|3|-23
motorola|odessa|moto g(9) plus|5|-33
motorola|cebu|moto g(9) power|-2|-16
motorola|payton|moto x4|2|-23
motorola|messi|moto z3|4|-26
motorola|foles|moto z4|8|-30
motorola|racer|motorola edge|-2|-27
motorola|burton|motorola edge plus|8|-35
motorola|deen_sprout|motorola one|4|-21
motorola|def|motorola one hyper|4|-23
motorola|chef_sprout|motorola one power|2|-22
nokia|FRT|Nokia 1|2|-24
nokia|ANT|Nokia 1 Plus|1|-20
nokia|E2M|Nokia 2.1|0|-28
nokia|IRM_sprout|Nokia 2.3|-3|-21
nokia|ES2_sprout|Nokia 3.1|6|-23
nokia|ROON_sprout|Nokia 3.1 Plus|0|-24
nokia|DPL_sprout|Nokia 3.2|4|-32
nokia|PAN_sprout|Nokia 4.2|7|-36
nokia|CO2_sprout|Nokia 5.1|6|-25
nokia|PL2_sprout|Nokia 6.1|8|-28
nokia|DRG_sprout|Nokia 6.1 Plus|6|-27
nokia|B2N_sprout|Nokia 7 plus|2|-20
nokia|CTL_sprout|Nokia 7.1|6|-24
nokia|DDV_sprout|Nokia 7.2|3|-7
nokia|A1N_sprout|Nokia 8 Sirocco|12|-30
nokia|PNX_sprout|Nokia 8.1|5|-24
nokia|BGT_sprout|Nokia 8.3 5G|5|-23
nokia|AOP_sprout|Nokia 9|7|-25
nokia|RKU|Nokia C1|-7|-3
nokia|NB1|TA-1012|5|-22
nokia|PLE|TA-1025|2|-17
nokia|PL2|TA-1054|7|-26
nokia 5.1 plus|Panda_00WW|PDA_sprout|5|-28
oneplus|OnePlus7|GM1900|3|-17
oneplus|OnePlus7Pro|GM1910|3|-18
oneplus|OnePlus7T|HD1905|1|-16
oneplus|OnePlus7TPro|HD1911|0|-17
oneplus|OnePlus8|IN2011|4|-27
oneplus|OnePlus8Pro|IN2025|6|-29
oneplus|OnePlus8T|KB2003|5|-31
oneplus|OnePlus5|ONEPLUS A5000|6|-25
oneplus|OnePlus5T|ONEPLUS A5010|3|-22
oneplus|OnePlus6|ONEPLUS A6000|3|-23
oneplus|OnePlus6|ONEPLUS A6003|4|-29
oneplus|OnePlus6T|ONEPLUS A6010|2|-19
oneplus|OnePlus6T|ONEPLUS A6013|1|-21
oppo|CPH1715|CPH1715|2|-25
oppo|CPH1717|CPH1717|-4|-18
oppo|CPH1721|CPH1721|-1|-20
oppo|CPH1723|CPH1723|3|-24
oppo|CPH1803|CPH1803|-1|-17
oppo|CPH1823|CPH1823|-2|-21
oppo|OP4845|CPH1919|3|-24
oppo|CPH1920|CPH1920|-2|-24
oppo|OP4B79L1|CPH1931|4|-32
oppo|OP4B65L1|CPH1945|-1|-26
oppo|OP4863|CPH1969|2|-27
oppo|OP48A1L1|CPH1979|0|-36
oppo|OP4C4BL1|CPH1989|-4|-21
oppo|OP4C2DL1|CPH2009|4|-26
oppo|OP4BA1L1|CPH2023|9|-37
orange|Neva_play|Orange Neva play|-1|-12
orange|Neva_zen|Orange Neva zen|-5|-3
orbic|RC555L|RC555L|5|-26
razer|cheryl|Phone|7|-26
razer|aura|Phone 2|3|-24
redmi|olivelite|Redmi 8A|5|-30
redmi|lavender|Redmi Note 7|5|-29
redmi|ginkgo|Redmi Note 8|4|-19
samsung|poseidonlteatt|SAMSUNG-SM-G891A|4|-27
samsung|klteatt|SAMSUNG-SM-G900A|9|-23
samsung|heroqlteaio|SAMSUNG-SM-G930AZ|11|-33
samsung|hero2qlteatt|SAMSUNG-SM-G935A|10|-33
samsung|SC-02J|SC-02J|11|-31
samsung|SC-02K|SC-02K|11|-29
samsung|SC-02L|SC-02L|5|-23
samsung|SC-03K|SC-03K|15|-34
samsung|SCV33|SCV33|7|-29
samsung|SCV36|SCV36|9|-24
samsung|a10e|SM-A102U|6|-25
samsung|a10|SM-A105F|3|-23
samsung|a10|SM-A105FN|4|-25
samsung|a10|SM-A105G|2|-23
samsung|a10|SM-A105M|1|-23
samsung|a10s|SM-A107F|5|-30
samsung|a20e|SM-A202F|2|-26
samsung|a20|SM-A205F|3|-26
samsung|a20|SM-A205G|2|-24
samsung|a20p|SM-A205U|23|-47
samsung|a20s|SM-A207F|8|-32
samsung|a3ulte|SM-A300FU|6|-23
samsung|a30|SM-A305F|4|-23
samsung|a30s|SM-A307FN|2|-26
samsung|a3y17lte|SM-A320FL|-10|-23
samsung|a40|SM-A405FN|2|-23
samsung|a50|SM-A505F|0|-20
samsung|a50|SM-A505FM|3|-20
samsung|a50|SM-A505FN|-2|-20
samsung|a5xelte|SM-A510F|6|-2
samsung|a5xelte|SM-A510M|3|-1
samsung|a51|SM-A515F|2|-28
samsung|a5y17lte|SM-A520F|-6|-25
samsung|jackpotlte|SM-A530F|2|-23
samsung|a6lte|SM-A600FN|8|-35
samsung|a70q|SM-A705FN|5|-33
samsung|a7xelte|SM-A710F|5|-5
samsung|a7y18lte|SM-A750F|4|-24
samsung|a7y18lte|SM-A750FN|5|-26
samsung|a7y18lte|SM-A750GN|6|-23
samsung|a9y18qltechn|SM-A9200|5|-24
samsung|a9y18qlte|SM-A920F|4|-21
samsung|c5proltechn|SM-C5010|9|-26
samsung|jadeltechn|SM-C7100|8|-26
samsung|elitexlte|SM-G1650|6|-30
samsung|grandpplte|SM-G532M|4|-24
samsung|on5xelte|SM-G570F|7|-24
samsung|on5xelte|SM-G570M|2|-24
samsung|o7ltechn|SM-G6000|3|-22
samsung|on7xelte|SM-G610F|7|2
samsung|on7xreflte|SM-G611F|6|-2
samsung|slte|SM-G850F|17|-33
samsung|astarqltechn|SM-G8850|3|-24
samsung|astarqlteskt|SM-G885S|1|-24
samsung|cruiserlteatt|SM-G892A|8|-24
samsung|klte|SM-G900F|12|-24
samsung|zeroflte|SM-G920F|9|-25
samsung|zeroflte|SM-G920I|7|-24
samsung|zerofltetmo|SM-G920T|8|-24
samsung|zerolte|SM-G925F|8|-25
samsung|zerolte|SM-G925I|4|-23
samsung|herolte|SM-G930F|9|-33
samsung|heroqltespr|SM-G930P|7|-32
samsung|heroqlteusc|SM-G930R4|12|-35
samsung|heroqltevzw|SM-G930V|9|-32
samsung|hero2qltechn|SM-G9350|8|-31
samsung|hero2lte|SM-G935F|11|-33
samsung|hero2qltespr|SM-G935P|8|-31
samsung|hero2qlteusc|SM-G935R4|9|-29
samsung|hero2qltetmo|SM-G935T|4|-28
samsung|hero2qltevzw|SM-G935V|14|-34
samsung|dreamlte|SM-G950F|12|-29
samsung|dreamlteks|SM-G950N|11|-27
samsung|dreamqlteue|SM-G950U1|10|-27
samsung|dreamqltecan|SM-G950W|9|-24
samsung|dream2lte|SM-G955F|9|-26
samsung|dream2lteks|SM-G955N|10|-26
samsung|dream2qlteue|SM-G955U1|10|-26
samsung|dream2qltecan|SM-G955W|8|-23
samsung|starqltechn|SM-G9600|4|-22
samsung|starlte|SM-G960F|8|-28
samsung|starlteks|SM-G960N|7|-28
samsung|starqltesq|SM-G960U|5|-21
samsung|starqlteue|SM-G960U1|4|-19
samsung|star2qltechn|SM-G9650|7|-26
samsung|star2lte|SM-G965F|8|-27
samsung|star2lteks|SM-G965N|9|-25
samsung|star2qltesq|SM-G965U|8|-25
samsung|star2qlteue|SM-G965U1|6|-24
samsung|beyond1|SM-G973F|2|-29
samsung|beyond1q|SM-G973U|-1|-26
samsung|beyond2|SM-G975F|1|-26
samsung|beyond2q|SM-G975U|0|-24
samsung|beyondx|SM-G977N|0|-26
samsung|beyondxq|SM-G977P|-3|-34
samsung|j1qltevzw|SM-J100VPP|6|-22
samsung|j2y18lte|SM-J250F|3|-27
samsung|j2corelte|SM-J260F|5|-25
samsung|j2corelte|SM-J260G|7|-27
samsung|j2corelte|SM-J260M|6|-25
samsung|j3ltevzw|SM-J320V|1|-17
samsung|j3popelteue|SM-J327U|6|-24
samsung|j3y17ltelgt|SM-J330F|3|-24
samsung|j3y17lte|SM-J330FN|4|-28
samsung|j3y17ltelgt|SM-J330L|2|-22
samsung|j3topeltevzw|SM-J337V|0|-19
samsung|j4lte|SM-J400F|6|-27
samsung|j4lte|SM-J400M|8|-27
samsung|j4primelte|SM-J415F|3|-29
samsung|j4primelte|SM-J415G|4|-28
samsung|j5lte|SM-J500F|4|-19
samsung|j53g|SM-J500H|-1|-18
samsung|j5lte|SM-J500M|2|-18
samsung|j5xnlte|SM-J510FN|1|-18
samsung|j5xnlte|SM-J510GN|3|-19
samsung|j5xnlte|SM-J510MN|3|-20
samsung|j5y17lte|SM-J530F|8|-33
samsung|j6lte|SM-J600FN|7|-24
samsung|j6primelte|SM-J610F|3|-27
samsung|j6primelte|SM-J610G|3|-28
samsung|j7velte|SM-J701F|8|-3
samsung|j7popltevzw|SM-J727V|4|-20
samsung|j7y17lte|SM-J730F|6|-33
samsung|j7y17lte|SM-J730FM|7|-34
samsung|j7y17ltektt|SM-J730K|4|-30
samsung|j8y18lte|SM-J810F|5|-29
samsung|j8y18lte|SM-J810M|5|-32
samsung|m20lte|SM-M205F|3|-22
samsung|trelte|SM-N910C|11|-31
samsung|tblte|SM-N915G|7|-24
samsung|noblelte|SM-N9208|4|-29
samsung|noblelte|SM-N920C|5|-30
samsung|greatlte|SM-N950F|8|-24
samsung|greatlteks|SM-N950N|6|-24
samsung|greatqlte|SM-N950U|9|-25
samsung|greatqlteue|SM-N950U1|9|-26
samsung|crownlte|SM-N960F|7|-28
samsung|crownlteks|SM-N960N|9|-27
samsung|crownqltesq|SM-N960U|5|-24
samsung|crownqlteue|SM-N960U1|5|-24
samsung|j3topeltetfnvzw|SM-S367VL|3|-21
samsung|j7popqltetfnvzw|SM-S727VL|4|-18
samsung|gt58wifi|SM-T350|2|-18
samsung|gtesveltevzw|SM-T378V|1|-20
samsung|gta2swifi|SM-T380|4|-19
samsung|gta2swifichn|SM-T380C|4|-20
samsung|gta2sltechn|SM-T385C|4|-20
samsung|gta2sltektt|SM-T385K|3|-18
samsung|gta2sltelgt|SM-T385L|2|-19
samsung|gtactive2wifi|SM-T390|-11|-23
samsung|gtactive2lte|SM-T395|-8|-26
samsung|gtaxlwifi|SM-T580|-12|-22
samsung|gts3lwifi|SM-T820|-10|-23
samsung|gts3lltevzw|SM-T827V|0|-22
samsung|gts4lltevzw|SM-T837V|1|-20
sg|OI6|A001SH|9|-32
sharp|eve_sprout|507SH|6|-29
sharp|SG509SH|509SH|3|-34
sharp|SG704SH|704SH|5|-32
sharp|kaleido_sprout|S1|3|-22
sharp|rome_sprout|S3-SH|5|-39
sharp|zeon_sprout|S5-SH|2|-25
sharp|SH-01K|SH-01K|4|-34
sharp|SH-01L|SH-01L|3|-25
sharp|SH-01M|SH-01M|7|-27
sharp|SH-02J|SH-02J|5|-34
sharp|SH-02M|SH-02M|5|-29
sharp|SH-03J|SH-03J|6|-24
sharp|SH-03K|SH-03K|4|-28
sharp|SH-04H|SH-04H|1|-36
sharp|SH-04L|SH-04L|5|-27
sharp|SH-51A|SH-51A|4|-41
sharp|SHV36|SHV36|6|-36
sharp|HUR|SHV39|5|-22
sm-j415f|j4primeltedx|j4primelte|4|-26
softbank|Z8851S|902ZT|6|-34
sony|601SO|601SO|1|-36
sony|602SO|602SO|-3|-30
sony|701SO|701SO|6|-26
sony|E6603|E6603|10|-26
sony|E6633|E6633|13|-26
sony|F5121|F5121|8|-34
sony|F8131|F8131|1|-32
sony|F8331|F8331|-2|-29
sony|F8332|F8332|-2|-31
sony|G3123|G3123|4|-24
sony|G3223|G3223|8|-27
sony|G8141|G8141|11|-34
sony|G8142|G8142|10|-27
sony|G8232|G8232|0|-34
sony|G8341|G8341|10|-31
sony|G8342|G8342|9|-28
sony|G8441|G8441|5|-24
sony|H4113|H4113|9|-31
sony|H8216|H8216|5|-31
sony|H8266|H8266|6|-30
sony|H8296|H8296|8|-32
sony|H8314|H8314|9|-33
sony|H8324|H8324|9|-33
sony|H8416|H8416|6|-30
sony|I3113|I3113|4|-28
sony|I4213|I4213|8|-29
sony|I4312|I4312|4|-31
sony|SO-01J|SO-01J|0|-32
sony|SO-01K|SO-01K|7|-29
sony|SO-01L|SO-01L|5|-32
sony|SO-02L|SO-02L|3|-26
sony|SO-03J|SO-03J|0|-34
sony|SO-03K|SO-03K|5|-29
sony|SO-03L|SO-03L|7|-28
sony|SO-04J|SO-04J|10|-31
sony|SO-05K|SO-05K|8|-31
sony|SO-51A|SO-51A|4|-45
sony|SOV33|SOV33|-3|-33
sony|SOV34|SOV34|-2|-32
sony|SOV36|SOV36|8|-27
sony|SOV41|SOV41|3|-25
sony|SOV42|SOV42|4|-29
sony|XQ-AD51|XQ-AD51|6|-31
sprint|htc_acawhl|2PYB2|10|-27
tcl|A5A_INFINI|5086D|3|-26
tcl|T1_LITE|T770B|4|-34
tcl|T1|T780H|5|-33
tcl|Seattle|T790Y|2|-32
tcl|T1_PRO|T799H|1|-31
tct (alcatel)|Pixi4-4|4034D|13|-40
tct (alcatel)|Seoul|5002D_EEA|2|-33
tct (alcatel)|PIXI3_45_4G|5017O|5|-29
tct (alcatel)|Faraday|5024A|-6|-6
tct (alcatel)|A3A_XL_3G|5026A|0|-26
tct (alcatel)|TokyoPro|5029E|-2|-24
tct (alcatel)|Jakarta|5030D_EEA|-8|-6
tct (alcatel)|Morgan_4G|5032W|2|-29
tct (alcatel)|U3A_PLUS_4G|5033M|3|-26
tct (alcatel)|U50A_ATT|5041C|2|-24
tct (alcatel)|BUZZ6T4G|5044P|9|-33
tct (alcatel)|PIXI4_5_4G|5045F|19|-43
tct (alcatel)|mickey6t|5049G|2|-26
tct (alcatel)|Mickey6TVZW|5049S|3|-26
tct (alcatel)|Mickey6TTMO|5049Z|5|-29
tct (alcatel)|A3A_PLUS|5058A|4|-27
tct (alcatel)|U5A_PLUS_4G|5059A|1|-20
tct (alcatel)|Milan|5061K|2|-30
tct (alcatel)|shine_lite|5080X|4|-27
tct (alcatel)|A3A_XL_4G|5099U|2|-27
tct (alcatel)|FERMI_TF|A501DL|1|-24
tct (alcatel)|U50A_PLUS_TF|A502DL|5|-27
tct (alcatel)|BUZZ6T4GTFUMTS|A574BL|3|-28
tct (alcatel)|FERMI_ATT|Alcatel_5005R|2|-25
tct (alcatel)|BUZZ6T4GGOPHONE|Alcatel_5044R|4|-28
tct (alcatel)|U50A_PLUS_ATT|Alcatel_5059R|3|-27
tecno|TECNO-BA2|TECNO BA2|3|-27
tecno|TECNO-BB4k|TECNO BB4k|6|-28
tecno|TECNO-CC6|TECNO CC6|0|-28
tecno|TECNO-CC7|TECNO CC7|1|-25
tecno|TECNO-CE9|TECNO CE9|3|-27
tecno|TECNO-CF7|TECNO CF7|3|-11
tecno|TECNO-KB7j|TECNO KB7j|5|-29
tecno|TECNO-KC1|TECNO KC1|7|-28
tecno|TECNO-KC2|TECNO KC2|9|-33
tecno|TECNO-KC6|TECNO KC6|4|-28
tecno|TECNO-KC8|TECNO KC8|4|-28
tecno|TECNO-LC6|TECNO LC6|2|-31
tesla|SS0801|AC2003|1|-29
vivo|1723|vivo 1723|4|-20
vivo|1804|vivo 1804|5|-26
vodafone|VFD610|VFD 610|7|-29
xiaomi|cancro|MI 4W|4|-21
xiaomi|gemini|MI 5|-2|-27
xiaomi|capricorn|MI 5s|-4|-26
xiaomi|natrium|MI 5s Plus|-3|-23
xiaomi|sagit|MI 6|2|-22
xiaomi|dipper|MI 8|1|-22
xiaomi|platina|MI 8 Lite|1|-21
xiaomi|equuleus|MI 8 Pro|1|-30
xiaomi|nitrogen|MI MAX 3|3|-24
xiaomi|virgo|MI NOTE LTE|9|-23
xiaomi|lithium|MIX|-2|-27
xiaomi|davinci|Mi 9T|3|-31
xiaomi|tissot_sprout|Mi A1|1|-18
xiaomi|jasmine_sprout|Mi A2|2|-23
xiaomi|daisy_sprout|Mi A2 Lite|4|-21
xiaomi|laurel_sprout|Mi A3|1|-19
xiaomi|chiron|Mi MIX 2|6|-24
xiaomi|polaris|Mi MIX 2S|1|-19
xiaomi|scorpio|Mi Note 2|-2|-25
xiaomi|ido|Redmi 3|3|-21
xiaomi|land|Redmi 3S|-1|-25
xiaomi|santoni|Redmi 4X|-1|-23
xiaomi|rosy|Redmi 5|4|-31
xiaomi|riva|Redmi 5A|3|-29
xiaomi|cereus|Redmi 6|1|-25
xiaomi|sakura_india|Redmi 6 Pro|5|-21
xiaomi|cactus|Redmi 6A|2|-27
xiaomi|onc|Redmi 7|4|-30
xiaomi|pine|Redmi 7A|4|-34
xiaomi|olive|Redmi 8|10|-31
xiaomi|tiare|Redmi Go|5|-31
xiaomi|kenzo|Redmi Note 3|5|-22
xiaomi|whyred|Redmi Note 5|1|-20
xiaomi|tulip|Redmi Note 6 Pro|4|-29
xiaomi|violet|Redmi Note 7 Pro|4|-30
xiaomi|ysl|Redmi S2|4|-29
zte|P809F15|BLADE A6 MAX|4|-28
zte|P450L10|BLADE V9|7|-31
zte|P963F50|Blade A5 2020-T|-3|-11
zte|Z6350T|Blade A7S 2020-T|-4|1
zte|Z6351O|P650 Pro|-4|0
zte|T86|T86|3|-29
zte|Z3351|Z3351S|3|-25
zte|Z5151|Z5151V|6|-33
zte|Z5156|Z5156CC|0|-25
zte|Z5157|Z5157V|-1|-24
zte|Z6201|Z6201V|12|-36
zte|Z6250|Z6250CC|0|-25
zte|Z6530|Z6530V|15|-39
zte|camellia|Z833|3|-25
zte|Z7750R|ZR01|16|-36
zte|P963F05|ZTE 8010|-3|-2
zte|P963F05|ZTE 8010RU|-3|-2
zte|P671F60|ZTE 9000|4|-28
zte|P683S10|ZTE 9000N|9|-31
zte|P845A01|ZTE A2019G Pro|8|-26
zte|P855A02|ZTE A2020 Pro|6|-25
zte|P855A01|ZTE A2020G Pro|8|-28
zte|P855A21|ZTE A2020N3 Pro|6|-26
zte|P855A03_NA|ZTE A2020U Pro|6|-26
zte|P725A12|ZTE A2021|9|-29
zte|P725A11|ZTE A2021G|-1|-29
zte|P725A12|ZTE A2021H|0|-28
zte|P725A02|ZTE A2121|9|-31
zte|P618A01|ZTE A2121E|1|-26
zte|P963F03|ZTE A7020|-3|-4
zte|P963F03|ZTE A7020RU|-3|-4
zte|P932F20|ZTE Blade A3 2019|-4|-4
zte|P932F50|ZTE Blade A3 2020|-4|-7
zte|P932K30|ZTE Blade A3 2020|-5|-4
zte|P963F50|ZTE Blade A5 2020|-3|-10
zte|P662F02|ZTE Blade A7s|2|-27
zte|P731K30|ZTE Blade L130|-5|-5
zte|P731F50|ZTE Blade L210|-4|-2
zte|P731F50|ZTE Blade L210RU|-4|-5
zte|P671F20|ZTE Blade V10|7|-31
zte|P963F01|ZTE Blade V10 Vita|-3|-10
`;
