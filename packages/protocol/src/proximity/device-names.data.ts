/**
 * Names phones report other than the Build.MODEL codes of the calibration lists, so that the same phone is found
 * whichever name a log or a person gives: Samsung's marketing names by model-code base (the letters and first three
 * digits, shared by every regional variant: SM-G973F, SM-G973U and SM-G973N are all the Galaxy S10), and Apple's
 * hardware identifiers (what iOS reports, e.g. utsname.machine "iPhone10,1") by marketing name. Facts from the
 * manufacturers' published model lists.
 */
export const SAMSUNG_NAMES_BY_CODE_BASE: Readonly<Record<string, string>> = Object.freeze({
  // Galaxy S and Note
  'SM-G900': 'Galaxy S5', 'SM-G920': 'Galaxy S6', 'SM-G925': 'Galaxy S6 edge', 'SM-G930': 'Galaxy S7',
  'SM-G935': 'Galaxy S7 edge', 'SM-G950': 'Galaxy S8', 'SM-G955': 'Galaxy S8+', 'SM-G960': 'Galaxy S9',
  'SM-G965': 'Galaxy S9+', 'SM-G970': 'Galaxy S10e', 'SM-G973': 'Galaxy S10', 'SM-G975': 'Galaxy S10+',
  'SM-G977': 'Galaxy S10 5G', 'SM-G980': 'Galaxy S20', 'SM-G981': 'Galaxy S20 5G', 'SM-G985': 'Galaxy S20+',
  'SM-G988': 'Galaxy S20 Ultra', 'SM-G991': 'Galaxy S21', 'SM-G996': 'Galaxy S21+', 'SM-G998': 'Galaxy S21 Ultra',
  'SM-S901': 'Galaxy S22', 'SM-S906': 'Galaxy S22+', 'SM-S908': 'Galaxy S22 Ultra', 'SM-S911': 'Galaxy S23',
  'SM-S916': 'Galaxy S23+', 'SM-S918': 'Galaxy S23 Ultra', 'SM-S921': 'Galaxy S24', 'SM-S926': 'Galaxy S24+',
  'SM-S928': 'Galaxy S24 Ultra', 'SM-N910': 'Galaxy Note 4', 'SM-N920': 'Galaxy Note 5', 'SM-N950': 'Galaxy Note 8',
  'SM-N960': 'Galaxy Note 9', 'SM-N970': 'Galaxy Note 10', 'SM-N975': 'Galaxy Note 10+', 'SM-N980': 'Galaxy Note 20',
  'SM-N986': 'Galaxy Note 20 Ultra',
  // Galaxy A, J and M: the models most sold in Vietnam in 2020–2021
  'SM-A102': 'Galaxy A10e', 'SM-A105': 'Galaxy A10', 'SM-A107': 'Galaxy A10s', 'SM-A125': 'Galaxy A12',
  'SM-A202': 'Galaxy A20e', 'SM-A205': 'Galaxy A20', 'SM-A207': 'Galaxy A20s', 'SM-A217': 'Galaxy A21s',
  'SM-A305': 'Galaxy A30', 'SM-A307': 'Galaxy A30s', 'SM-A315': 'Galaxy A31', 'SM-A325': 'Galaxy A32',
  'SM-A405': 'Galaxy A40', 'SM-A505': 'Galaxy A50', 'SM-A507': 'Galaxy A50s', 'SM-A515': 'Galaxy A51',
  'SM-A525': 'Galaxy A52', 'SM-A530': 'Galaxy A8 (2018)', 'SM-A600': 'Galaxy A6', 'SM-A705': 'Galaxy A70',
  'SM-A715': 'Galaxy A71', 'SM-A750': 'Galaxy A7 (2018)', 'SM-A920': 'Galaxy A9 (2018)', 'SM-J250': 'Galaxy J2 Pro',
  'SM-J260': 'Galaxy J2 Core', 'SM-J330': 'Galaxy J3 Pro', 'SM-J400': 'Galaxy J4', 'SM-J415': 'Galaxy J4+',
  'SM-J530': 'Galaxy J5 Pro', 'SM-J600': 'Galaxy J6', 'SM-J610': 'Galaxy J6+', 'SM-J730': 'Galaxy J7 Pro',
  'SM-J810': 'Galaxy J8', 'SM-G532': 'Galaxy J2 Prime', 'SM-G570': 'Galaxy J5 Prime', 'SM-G610': 'Galaxy J7 Prime',
  'SM-M205': 'Galaxy M20', 'SM-M215': 'Galaxy M21', 'SM-M315': 'Galaxy M31',
});

/** iPhone marketing name → hardware identifiers (iOS `utsname.machine`). */
export const IPHONE_IDENTIFIERS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'iPhone 5s': ['iPhone6,1', 'iPhone6,2'],
  'iPhone 6': ['iPhone7,2'],
  'iPhone 6 Plus': ['iPhone7,1'],
  'iPhone 6s': ['iPhone8,1'],
  'iPhone 6s Plus': ['iPhone8,2'],
  'iPhone SE': ['iPhone8,4'],
  'iPhone 7': ['iPhone9,1', 'iPhone9,3'],
  'iPhone 7 Plus': ['iPhone9,2', 'iPhone9,4'],
  'iPhone 8': ['iPhone10,1', 'iPhone10,4'],
  'iPhone 8 Plus': ['iPhone10,2', 'iPhone10,5'],
  'iPhone X': ['iPhone10,3', 'iPhone10,6'],
  'iPhone XS': ['iPhone11,2'],
  'iPhone XS Max': ['iPhone11,4', 'iPhone11,6'],
  'iPhone XR': ['iPhone11,8'],
  'iPhone 11': ['iPhone12,1'],
  'iPhone 11 Pro': ['iPhone12,3'],
  'iPhone 11 Pro Max': ['iPhone12,5'],
  'iPhone SE (2nd generation)': ['iPhone12,8'],
  'iPhone 12 mini': ['iPhone13,1'],
  'iPhone 12': ['iPhone13,2'],
  'iPhone 12 Pro': ['iPhone13,3'],
  'iPhone 12 Pro Max': ['iPhone13,4'],
  'iPhone 13 Pro': ['iPhone14,2'],
  'iPhone 13 Pro Max': ['iPhone14,3'],
  'iPhone 13 mini': ['iPhone14,4'],
  'iPhone 13': ['iPhone14,5'],
  'iPhone SE (3rd generation)': ['iPhone14,6'],
  'iPhone 14': ['iPhone14,7'],
  'iPhone 14 Plus': ['iPhone14,8'],
  'iPhone 14 Pro': ['iPhone15,2'],
  'iPhone 14 Pro Max': ['iPhone15,3'],
  'iPhone 15': ['iPhone15,4'],
  'iPhone 15 Plus': ['iPhone15,5'],
  'iPhone 15 Pro': ['iPhone16,1'],
  'iPhone 15 Pro Max': ['iPhone16,2'],
});
