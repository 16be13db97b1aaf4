/** Wording of the synthetic audit trail, by kind of change; some in Chinese, as field teams write. */
export const NOTES = {
  importRegistry: [
    'Imported from the registry of licensed data centres; power contract on file.',
    '登记在册的数据中心，已签订正式供电合同（注册名录导入）。',
  ],
  importSurvey: [
    'Imported from the 2025 satellite survey: container rows and cooling fans near the substation.',
    'Imported from utility report: steady night-time load with no registered consumer.',
    '导入：2025年卫星普查发现疑似矿场。',
  ],
  reported: [
    'Reported by residents: constant fan noise at night.',
    'Utility flagged a new flat 24-hour load on the feeder.',
    '群众举报：夜间噪音大，疑似挖矿。',
    'Thermal anomaly seen on satellite imagery.',
  ],
  toNotFound: ['Inspected: empty warehouse, no mining equipment.', '现场核查未发现矿机。'],
  reReported: ['Reported again by the utility: night load returned.', '再次举报，需复查。'],
  toUnlicensed: [
    'Inspected: machines running, operator has no business licence.',
    '现场核查：无营业执照，矿机正在运行。',
    'Inspected: unregistered operation in a former factory building.',
  ],
  toNoContract: [
    'Registered company, but draws power without a utility contract (private line).',
    '有营业执照，但无正式供电合同，私拉电线。',
  ],
  alreadyLicensed: ['Inspected: licensed data centre with a valid power contract; record corrected.'],
  licensedAfter: [
    'Operator registered the business and signed a power contract.',
    '已补办手续并签订供电合同。',
  ],
  shutdownOrdered: [
    'Shutdown order issued; supply to be cut within 15 days.',
    '下达关停通知书，限期15日内断电。',
  ],
  shutDown: ['Verified: supply disconnected and machines removed.', '复查确认：已断电，矿机已搬离。'],
  relapse: ['Night load back on the feeder; suspected restart.', '疑似死灰复燃，夜间负荷回升。'],
  contractLost: ['Power contract expired and was not renewed.', '供电合同到期未续签。'],
  licenceLost: ['Business licence revoked.', '营业执照已被吊销。'],
} as const;
