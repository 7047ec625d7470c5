// Messages of the loyalty, analytics and admin-settings screens and the dashboard; terms follow DOMAIN.md.
import type { Shape } from './shape';

export const insightsZh = {
  nav: {
    analytics: '分析', composition: '客户构成分析', loyalty: '忠诚度分析', assessmentsDue: '待评估客户', targets: '销售目标', reminders: '关怀提醒',
    complaintSla: '投诉时限（SLA）', scorecard: '关系评估表', loyaltySettings: '会员与积分', holidays: '节假日',
  },
  enums: {
    reminderKind: { Birthday: '生日', ImportantDate: '重要日期', Festival: '节日', NotContacted: '久未联系', ComplaintDue: '投诉到期', ThanksDue: '待感谢', VisitDue: '待拜访', TaskDue: '任务到期' },
    loyaltyStage: { None: '尚未购买', Cognitive: '认知忠诚', Emotional: '情感忠诚', Behavioural: '行为忠诚' },
    lapseRisk: { low: '低', medium: '中', high: '高', unknown: '未知' },
    recommendation: { Improve: '改进关系', Maintain: '维持关系', Terminate: '终止关系' },
  },
  dashboard: {
    open: '查看', targets: '销售目标完成情况', targetOf: '{{month}} 目标', actual: '实际销售额', target: '目标', attainment: '完成率',
    targetsAria: '近几个月实际销售额柱状图，本月目标 {{target}}，实际 {{actual}}',
    compliance: '大客户拜访达标（本周）', compliancePercent: '达标率', noCompliance: '本周没有有拜访频率要求的客户',
    complianceAria: '拜访达标环形图：达标 {{met}}，有风险 {{atRisk}}，未达标 {{missed}}',
    complaints: '投诉时限状态', openComplaints: '未结投诉', complaintsAria: '未结投诉按时限状态：正常 {{onTrack}}，即将超时 {{atRisk}}，已超时 {{breached}}',
    referrals: '转介绍漏斗', wonThisMonth: '本月成交', thanksDue: '{{count}} 位介绍人待感谢',
    referralsAria: '转介绍漏斗：新转介绍 {{new}}，已联系 {{contacted}}，已确认意向 {{qualified}}，本月成交 {{won}}',
    tierMix: '会员等级分布', noTiers: '暂无会员等级客户', remindersToday: '今日提醒与任务',
    tasksOverdue: '{{count}} 项逾期任务', tasksToday: '今天到期 {{count}} 项', moreReminders: '还有 {{count}} 条提醒',
  },
  reminders: {
    title: '关怀提醒', subtitle: '生日、重要日期、节日（含农历）、久未联系的客户、到期投诉、待感谢的介绍人、待拜访客户和我的任务',
    on: '{{date}} 的提醒', noneOnDay: '当天没有提醒', noneToday: '今天没有提醒', countOn: '{{date}} 有 {{count}} 条提醒',
  },
  composition: {
    title: '客户构成分析', subtitle: '各维度销售额占比、帕累托 ABC 分类，以及与上一同长期间的比较', by: '分析维度', period: '统计期间',
    dimensions: { level: '客户级别', category: '产品类别', region: '地区', owner: '客户经理', industry: '行业' },
    previousPeriod: '对比期间：{{from}} 至 {{to}}', total: '本期销售额', previousTotal: '上期销售额', totalChange: '变化',
    classA: 'A 类分组', classAValue: '{{groups}}/{{total}} 组 · {{share}}%', chart: '帕累托图', chartAria: '按{{by}}的销售额帕累托图：柱为销售额，折线为累计占比',
    table: '构成明细', empty: '该期间没有成交', unspecified: '（未填写）', new: '新增',
    abcLegend: { A: 'A 类：累计前 80%', B: 'B 类：80%–95%', C: 'C 类：其余 5%' },
    fields: { group: '分组', amount: '销售额', share: '占比', cumulativeShare: '累计占比', abc: 'ABC 分类', customers: '客户数', average: '客均销售额', previous: '上期销售额', change: '变化' },
  },
  targets: {
    title: '销售目标', subtitle: '月目标按工作日（含节假日与调休）拆分到周和日，并与实际成交对比', team: '团队', allTeams: '全部团队', myTeam: '我的团队',
    reps: '客户经理目标', teamWeeks: '合计每周拆分', history: '近六个月实际销售额', historyAria: '近六个月实际销售额柱状图，标注环比变化',
    setTeam: '设置团队目标', setFor: '设置 {{name}} {{month}} 的目标', saved: '目标已保存', empty: '没有客户经理',
    fields: {
      month: '月份', rep: '客户经理', monthlyTarget: '月目标', actual: '实际', attainment: '完成率', dailyTarget: '日目标', weeklyTarget: '周目标',
      week: '周', days: '日期', workingDays: '工作日', target: '目标', teamTarget: '合计目标', teamActual: '合计实际', change: '环比',
    },
  },
  assessmentsDue: {
    title: '待评估客户', subtitle: '超过 {{months}} 个月未做关系评估的现实客户，从未评估的排在前面', notFor: '未评估时长', monthsOption: '超过 {{count}} 个月',
    empty: '没有需要评估的客户', never: '从未评估',
    fields: { code: '客户编号', customer: '客户', level: '客户级别', latestGrade: '最近评级', lastAssessedOn: '最近评估' },
  },
  loyalty: {
    tab: '忠诚度', asOf: '截至 {{date}}', stage: '忠诚阶段', why: '判定依据', index: '忠诚度指数', indexHint: '各项得分（0–100）按权重加权求和',
    components: '指数构成', figures: '指标与依据', noPurchase: '尚无购买',
    stageRules: {
      Behavioural: '至少两次购买、跨度 12 个月以上，且最近一次在一年内：长期关系和重复购买。',
      Emotional: '至少两次购买，并有积极信号（无投诉、平均满意度 ≥ 4 或有转介绍）：持续满意、形成偏好。',
      Cognitive: '已购买，但不满足以上两项：产品满足需求，但容易流失。',
      None: '尚无购买（潜在客户）。',
    },
    componentFields: { component: '指标', value: '输入值', score: '得分', weight: '权重', weighted: '加权得分', total: '合计（指数）' },
    componentNames: { recency: '最近购买（天）', frequency: '12 个月购买次数', monetary: '12 个月购买金额', repeat: '有购买月份占比（%）', tenure: '合作天数', satisfaction: '投诉回访平均满意度', referrals: '成功转介绍' },
    componentRules: {
      recency: 'R 分 × 20', frequency: 'F 分 × 20', monetary: 'M 分 × 20', repeat: '重复购买率', tenure: '天数 ÷ 7.3，最高 100（两年满分）',
      satisfaction: '（平均满意度 − 1）× 25；无投诉为 100', referrals: '每成交一位 50 分，最高 100',
    },
    f: {
      repeatRate: '重复购买率', repeatRateRule: '近 12 个月中有购买的月份 {{months}} ÷ 12；首次之后又购买 {{after}} 次',
      recency: '最近购买', recencyValue: '{{days}} 天前', recencyRule: 'R 分 {{score}}：≤30 天 5 分，≤90 天 4 分，≤180 天 3 分，≤365 天 2 分，其余 1 分',
      frequency: '购买频率', frequencyValue: '12 个月 {{count}} 次', frequencyRule: 'F 分 {{score}}：≥12 次 5 分，≥6 次 4 分，≥3 次 3 分，2 次 2 分，其余 1 分',
      monetary: '购买金额（12 个月）', monetaryRule: 'M 分 {{score}}：≥500,000 5 分，≥100,000 4 分，≥30,000 3 分，≥5,000 2 分，其余 1 分',
      cadence: '购买周期', cadenceValue: '{{days}} 天', cadenceRule: '相邻两次购买间隔天数的中位数',
      lapseRisk: '流失风险', lapseRule: '距上次购买天数 ÷ 购买周期 = {{ratio}}：≤1 低，≤2 中，更高为高',
      tenure: '合作时长', tenureValue: '{{days}} 天', tenureRule: '自首次购买（或建档）以来的天数',
      priceSensitivity: '价格敏感度', priceRule: '近 12 个月有目录价的购买中低于目录价成交的比例；只作参考，不计入指数（折扣不等于忠诚）',
      complaints: '投诉', complaintsValue: '{{count}} 次（重复 {{recurring}} 次）', satisfactionRule: '回访平均满意度：{{value}}',
      visits: '拜访', visitsValue: '每月 {{count}} 次', visitsRule: '近 3 个月完成的拜访按月平均；本周达标：{{status}}',
      referrals: '转介绍', referralsValue: '介绍 {{made}} 位，成交 {{won}} 位', points: '积分与会员等级', noTier: '暂无等级',
    },
  },
  assessments: {
    tab: '关系评估', history: '评估记录', new: '填写评估表', empty: '还没有评估记录', template: '{{name}}（第 {{version}} 版）',
    total: '加权总分', grade: '评级', suggested: '建议结论', recommendation: '评估结论', overrideReason: '调整原因', notes: '备注',
    overrideHint: '评级 {{grade}} 建议“{{suggested}}”；选择其他结论需要说明原因', score: '得分（0–100）', weight: '权重', weighted: '加权得分', indicator: '指标',
    saved: '评估已保存', gradeRule: '评级：A ≥ 85，B ≥ 70，C ≥ 50，其余 D；A、B 建议维持关系，C 建议改进关系，D 建议终止关系',
    assessedOn: '评估日期', templateVersion: '模板版本', improveTask: '结论为“改进关系”时，会为客户经理生成两周内完成的改进任务。', scoreAria: '{{name}} 得分',
  },
  settings: {
    sla: {
      title: '投诉处理时限（SLA）', subtitle: '按严重程度的响应与解决时限；大客户及特级、A 级客户使用更紧的时限', severity: '严重程度',
      respondHours: '响应（小时）', resolveHours: '解决（小时）', priorityRespondHours: '重点客户响应（小时）', priorityResolveHours: '重点客户解决（小时）',
      reopenWindowDays: '结案后可重新打开的天数', recurrenceWindowDays: '判定重复投诉的天数',
    },
    scorecard: {
      title: '关系评估表', subtitle: '指标及权重（合计 100）。发布后新的评估使用新版本，已有评估保留原版本。', name: '评估表名称', key: '键', keyHint: '小写字母、数字或连字符',
      indicatorName: '指标名称', weight: '权重', add: '添加指标', remove: '删除指标 {{name}}', sum: '权重合计 {{sum}} / 100', sumError: '权重合计必须等于 100，当前为 {{sum}}',
      publish: '发布新版本', published: '评估表新版本已发布', version: '当前：第 {{version}} 版', thresholds: '评级阈值与建议结论',
      thresholdsFixed: '评级阈值由系统规则确定，目前不能在这里修改。', grade: '评级', from: '总分下限', suggests: '建议结论',
    },
    loyalty: {
      title: '会员与积分', subtitle: '积分规则、转介绍奖励和会员等级（按近 12 个月获得的积分）', pointsPerCurrencyUnit: '每 1 元成交获得积分', referralRewardPoints: '转介绍成交奖励积分',
      referralMustCloseDays: '转介绍须成交天数', thanksDueDays: '感谢介绍人期限（天）', tiers: '会员等级', tierName: '等级名称', minPoints: '近 12 个月积分下限',
      benefits: '会员权益', addTier: '添加等级', removeTier: '删除等级 {{name}}',
    },
    holidays: {
      title: '节假日', subtitle: '法定节假日与调休上班日，销售目标按工作日拆分时使用', year: '年份', date: '日期', name: '名称', kind: '类型',
      isWorkingDay: '调休上班', holiday: '放假', workingDay: '上班', add: '添加或修改', saved: '节假日已保存', remove: '删除', removed: '节假日已删除',
      removeConfirm: '确定删除 {{date}}（{{name}}）吗？', empty: '该年还没有节假日',
    },
  },
  recordTasks: { button: '任务', buttonCount: '任务 {{count}}', title: '相关任务', empty: '还没有相关任务', new: '为此记录新建任务', add: '添加任务', created: '任务已创建', openBoard: '打开看板', linkNote: '来自：{{label}}' },
};

export const insightsEn: Shape<typeof insightsZh> = {
  nav: {
    analytics: 'Analytics', composition: 'Composition analysis', loyalty: 'Loyalty portfolio', assessmentsDue: 'Assessments due', targets: 'Sales targets', reminders: 'Care reminders',
    complaintSla: 'Complaint SLA', scorecard: 'Relationship scorecard', loyaltySettings: 'Membership and points', holidays: 'Holidays',
  },
  enums: {
    reminderKind: { Birthday: 'Birthday', ImportantDate: 'Important date', Festival: 'Festival', NotContacted: 'Not contacted', ComplaintDue: 'Complaint due', ThanksDue: 'Thanks due', VisitDue: 'Visit due', TaskDue: 'Task due' },
    loyaltyStage: { None: 'No purchase yet', Cognitive: 'Cognitive loyalty', Emotional: 'Emotional loyalty', Behavioural: 'Behavioural loyalty' },
    lapseRisk: { low: 'Low', medium: 'Medium', high: 'High', unknown: 'Unknown' },
    recommendation: { Improve: 'Improve', Maintain: 'Maintain', Terminate: 'Terminate' },
  },
  dashboard: {
    open: 'Open', targets: 'Target vs actual', targetOf: 'Target {{month}}', actual: 'Actual sales', target: 'Target', attainment: 'Attainment',
    targetsAria: 'Actual sales of recent months as bars; this month target {{target}}, actual {{actual}}',
    compliance: 'Key-account visit compliance (this week)', compliancePercent: 'Compliance', noCompliance: 'No customer has a visit minimum this week',
    complianceAria: 'Visit compliance donut: met {{met}}, at risk {{atRisk}}, missed {{missed}}',
    complaints: 'Complaints by SLA state', openComplaints: 'Open complaints', complaintsAria: 'Open complaints by SLA state: on track {{onTrack}}, at risk {{atRisk}}, breached {{breached}}',
    referrals: 'Referral funnel', wonThisMonth: 'Won this month', thanksDue: '{{count}} referrers to thank',
    referralsAria: 'Referral funnel: new {{new}}, contacted {{contacted}}, qualified {{qualified}}, won this month {{won}}',
    tierMix: 'Membership tiers', noTiers: 'No customer has a tier yet', remindersToday: 'Today’s reminders and tasks',
    tasksOverdue: '{{count}} overdue tasks', tasksToday: '{{count}} due today', moreReminders: '{{count}} more reminders',
  },
  reminders: {
    title: 'Care reminders', subtitle: 'Birthdays, important dates, festivals (lunar too), customers not contacted, complaints due, referrers to thank, visits due and my tasks',
    on: 'Reminders on {{date}}', noneOnDay: 'No reminders on this day', noneToday: 'No reminders today', countOn: '{{count}} reminders on {{date}}',
  },
  composition: {
    title: 'Composition analysis', subtitle: 'Share of sales by dimension, Pareto ABC classes, and the change against the previous period of the same length', by: 'Dimension', period: 'Period',
    dimensions: { level: 'Level', category: 'Product category', region: 'Region', owner: 'Account manager', industry: 'Industry' },
    previousPeriod: 'Compared with {{from}} to {{to}}', total: 'Sales this period', previousTotal: 'Sales previous period', totalChange: 'Change',
    classA: 'Class A groups', classAValue: '{{groups}}/{{total}} groups · {{share}}%', chart: 'Pareto chart', chartAria: 'Pareto chart of sales by {{by}}: bars are sales, the line is the cumulative share',
    table: 'Breakdown', empty: 'No sales in this period', unspecified: '(not set)', new: 'New',
    abcLegend: { A: 'A: first 80% cumulative', B: 'B: 80%–95%', C: 'C: the last 5%' },
    fields: { group: 'Group', amount: 'Sales', share: 'Share', cumulativeShare: 'Cumulative share', abc: 'ABC class', customers: 'Customers', average: 'Average per customer', previous: 'Previous period', change: 'Change' },
  },
  targets: {
    title: 'Sales targets', subtitle: 'Monthly targets split over working days (holidays and make-up days counted) into weeks and days, against actual sales', team: 'Team', allTeams: 'All teams', myTeam: 'My team',
    reps: 'Targets per account manager', teamWeeks: 'Weekly split of the total', history: 'Actual sales, last six months', historyAria: 'Actual sales of the last six months as bars, labelled with the month-over-month change',
    setTeam: 'Set team target', setFor: 'Set the target of {{name}} for {{month}}', saved: 'Target saved', empty: 'No account managers',
    fields: {
      month: 'Month', rep: 'Account manager', monthlyTarget: 'Monthly target', actual: 'Actual', attainment: 'Attainment', dailyTarget: 'Daily target', weeklyTarget: 'Weekly targets',
      week: 'Week', days: 'Days', workingDays: 'Working days', target: 'Target', teamTarget: 'Total target', teamActual: 'Total actual', change: 'Month over month',
    },
  },
  assessmentsDue: {
    title: 'Assessments due', subtitle: 'Active customers without a relationship assessment for more than {{months}} months, never-assessed first', notFor: 'Not assessed for', monthsOption: 'More than {{count}} months',
    empty: 'No customer needs an assessment', never: 'Never assessed',
    fields: { code: 'Code', customer: 'Customer', level: 'Level', latestGrade: 'Latest grade', lastAssessedOn: 'Last assessed' },
  },
  loyalty: {
    tab: 'Loyalty metrics', asOf: 'As of {{date}}', stage: 'Loyalty stage', why: 'Why', index: 'Loyalty index', indexHint: 'Weighted sum of the component scores (0–100)',
    components: 'Index components', figures: 'Figures and how they are computed', noPurchase: 'No purchase yet',
    stageRules: {
      Behavioural: 'At least two purchases spanning 12 months or more, the last within a year: a long relationship with repeat purchase.',
      Emotional: 'At least two purchases and positive signals (no complaints, average satisfaction ≥ 4, or a referral made): lasting satisfaction and a preference.',
      Cognitive: 'Has bought, but neither of the above: the product fits a need and the customer is easily lost.',
      None: 'No purchase yet (a prospect).',
    },
    componentFields: { component: 'Component', value: 'Input', score: 'Score', weight: 'Weight', weighted: 'Weighted', total: 'Total (index)' },
    componentNames: { recency: 'Recency (days)', frequency: 'Purchases in 12 months', monetary: 'Amount in 12 months', repeat: 'Months with a purchase (%)', tenure: 'Tenure (days)', satisfaction: 'Complaint follow-up satisfaction', referrals: 'Referrals won' },
    componentRules: {
      recency: 'R score × 20', frequency: 'F score × 20', monetary: 'M score × 20', repeat: 'Repeat-purchase rate', tenure: 'Days ÷ 7.3, at most 100 (two years = 100)',
      satisfaction: '(average satisfaction − 1) × 25; 100 without complaints', referrals: '50 per won referral, at most 100',
    },
    f: {
      repeatRate: 'Repeat-purchase rate', repeatRateRule: '{{months}} of the last 12 months with a purchase ÷ 12; {{after}} purchases after the first',
      recency: 'Last purchase', recencyValue: '{{days}} days ago', recencyRule: 'R score {{score}}: ≤ 30 days 5, ≤ 90 4, ≤ 180 3, ≤ 365 2, else 1',
      frequency: 'Frequency', frequencyValue: '{{count}} in 12 months', frequencyRule: 'F score {{score}}: ≥ 12 → 5, ≥ 6 → 4, ≥ 3 → 3, 2 → 2, else 1',
      monetary: 'Amount (12 months)', monetaryRule: 'M score {{score}}: ≥ 500,000 → 5, ≥ 100,000 → 4, ≥ 30,000 → 3, ≥ 5,000 → 2, else 1',
      cadence: 'Purchase cadence', cadenceValue: '{{days}} days', cadenceRule: 'Median days between consecutive purchases',
      lapseRisk: 'Lapse risk', lapseRule: 'Days since the last purchase ÷ cadence = {{ratio}}: ≤ 1 low, ≤ 2 medium, above high',
      tenure: 'Tenure', tenureValue: '{{days}} days', tenureRule: 'Days since the first purchase (or since the customer was created)',
      priceSensitivity: 'Price sensitivity', priceRule: 'Share of the last 12 months’ purchases with a list price bought below it; reported, never rewarded (discounts are not loyalty)',
      complaints: 'Complaints', complaintsValue: '{{count}} ({{recurring}} recurring)', satisfactionRule: 'Average follow-up satisfaction: {{value}}',
      visits: 'Visits', visitsValue: '{{count}} a month', visitsRule: 'Completed visits of the last 3 months per month; this week: {{status}}',
      referrals: 'Referrals', referralsValue: '{{made}} referred, {{won}} won', points: 'Points and tier', noTier: 'No tier',
    },
  },
  assessments: {
    tab: 'Assessments', history: 'Assessment history', new: 'Fill in the scorecard', empty: 'No assessments yet', template: '{{name}} (version {{version}})',
    total: 'Weighted total', grade: 'Grade', suggested: 'Suggested', recommendation: 'Recommendation', overrideReason: 'Reason for another recommendation', notes: 'Notes',
    overrideHint: 'Grade {{grade}} suggests “{{suggested}}”; another recommendation needs a reason', score: 'Score (0–100)', weight: 'Weight', weighted: 'Weighted', indicator: 'Indicator',
    saved: 'Assessment saved', gradeRule: 'Grade: A ≥ 85, B ≥ 70, C ≥ 50, else D; A and B suggest maintain, C improve, D terminate',
    assessedOn: 'Assessed on', templateVersion: 'Template version', improveTask: '“Improve” gives the account manager an improvement task due in two weeks.', scoreAria: 'Score for {{name}}',
  },
  settings: {
    sla: {
      title: 'Complaint SLA', subtitle: 'Response and resolution targets by severity; key accounts and Special/A customers get the tighter ones', severity: 'Severity',
      respondHours: 'Respond (hours)', resolveHours: 'Resolve (hours)', priorityRespondHours: 'Priority respond (hours)', priorityResolveHours: 'Priority resolve (hours)',
      reopenWindowDays: 'Days a closed complaint can be reopened', recurrenceWindowDays: 'Days within which a complaint counts as recurring',
    },
    scorecard: {
      title: 'Relationship scorecard', subtitle: 'Indicators and weights (sum 100). Publishing makes a new version; earlier assessments keep theirs.', name: 'Scorecard name', key: 'Key', keyHint: 'Lower-case letters, digits or hyphens',
      indicatorName: 'Indicator', weight: 'Weight', add: 'Add indicator', remove: 'Remove indicator {{name}}', sum: 'Weights total {{sum}} / 100', sumError: 'The weights must total 100; now {{sum}}',
      publish: 'Publish new version', published: 'New scorecard version published', version: 'Current: version {{version}}', thresholds: 'Grade thresholds and suggestions',
      thresholdsFixed: 'The grade thresholds are fixed by the system’s rules and cannot be changed here yet.', grade: 'Grade', from: 'Total from', suggests: 'Suggests',
    },
    loyalty: {
      title: 'Membership and points', subtitle: 'Points rules, referral reward and membership tiers (by points earned in 12 months)', pointsPerCurrencyUnit: 'Points per currency unit', referralRewardPoints: 'Referral reward points',
      referralMustCloseDays: 'Days a referral must close in', thanksDueDays: 'Days to thank the referrer', tiers: 'Membership tiers', tierName: 'Tier name', minPoints: 'Points earned in 12 months from',
      benefits: 'Benefits', addTier: 'Add tier', removeTier: 'Remove tier {{name}}',
    },
    holidays: {
      title: 'Holidays', subtitle: 'Public holidays and make-up working days, used to split sales targets over working days', year: 'Year', date: 'Date', name: 'Name', kind: 'Kind',
      isWorkingDay: 'Make-up working day', holiday: 'Holiday', workingDay: 'Working day', add: 'Add or change', saved: 'Holiday saved', remove: 'Remove', removed: 'Holiday removed',
      removeConfirm: 'Remove {{date}} ({{name}})?', empty: 'No holidays for this year yet',
    },
  },
  recordTasks: { button: 'Tasks', buttonCount: 'Tasks {{count}}', title: 'Related tasks', empty: 'No related tasks yet', new: 'New task for this record', add: 'Add task', created: 'Task created', openBoard: 'Open board', linkNote: 'From: {{label}}' },
};
