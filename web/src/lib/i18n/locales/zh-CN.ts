// zh-CN is the default language; terms follow the glossary in DOMAIN.md.
import { workZh } from './work';
import { insightsZh } from './insights';
const zhCN = {
  app: { name: '客户管理系统', shortName: 'CRM' },
  common: {
    save: '保存', cancel: '取消', create: '新建', edit: '编辑', delete: '删除', confirm: '确定', close: '关闭',
    reload: '重新加载', search: '搜索', reset: '重置', loading: '加载中…', empty: '暂无数据', yes: '是', no: '否',
    actions: '操作', back: '返回', more: '更多', loadMore: '加载更多', retry: '重试', copy: '复制', copied: '已复制',
    saved: '已保存', all: '全部', none: '无', required: '请填写{{field}}', unknownError: '出现错误，请稍后再试',
    networkError: '无法连接服务器，请检查网络', notFound: '页面不存在', notFoundHint: '您访问的页面不存在或已被移除。',
    backHome: '返回首页', forbidden: '没有权限', forbiddenHint: '您的角色无权访问此页面。', traceId: '追踪号',
    loadedCount: '已加载 {{count}} 条', endOfList: '已全部加载',
  },
  nav: {
    home: '首页', customers: '客户档案', admin: '系统管理', users: '用户', teams: '团队', apiKeys: 'API 密钥',
    mainMenu: '主菜单', toggleMenu: '展开/收起菜单',
  },
  header: { language: '语言', userMenu: '用户菜单', logout: '退出登录', role: '角色' },
  role: { Admin: '系统管理员', Manager: '营业部经理', Rep: '客户经理', Service: '客户服务部', Analyst: '市场营销部' },
  auth: {
    title: '登录', subtitle: '客户管理系统', email: '邮箱', password: '密码', submit: '登录',
    emailRequired: '请输入邮箱', emailInvalid: '邮箱格式不正确', passwordRequired: '请输入密码',
    failed: '登录失败', sessionExpired: '登录已过期，请重新登录', loggedOut: '您已退出登录',
  },
  home: {
    welcome: '欢迎回来，{{name}}', intro: '今天也要把客户服务好。以下是您负责范围内的客户概况。',
    myCustomers: '我的客户', keyAccounts: '大客户', alerted: '告警客户', prospects: '潜在客户',
    atLeast: '{{count}}+', viewAll: '查看',
    quickLinks: '快捷入口', newCustomer: '新建客户', browseCustomers: '浏览客户档案',
  },
  enums: {
    kind: { Company: '企业', Person: '个人' },
    enterpriseType: { StateOwned: '国有', Foreign: '外资', JointVenture: '合资', Private: '私营', Individual: '个体', Other: '其他' },
    level: { Special: '特级', A: 'A 级', B: 'B 级', C: 'C 级' },
    creditRating: { Unrated: '未评级', AAA: 'AAA', AA: 'AA', A: 'A', B: 'B', C: 'C' },
    lifecycle: { Prospect: '潜在客户', Active: '现实客户', Lapsed: '流失客户', Archived: '已归档' },
    state: { Actual: '现实客户', Potential: '潜在客户' },
    origin: { External: '外部客户', Internal: '内部客户' },
    chainPosition: { Final: '最终客户', Intermediate: '中间客户' },
    leadSource: {
      Advertising: '广告', TradeShow: '展销会', PhoneMailCampaign: '电话和邮寄', Finance: '财务部门',
      ServiceDepartment: '服务部门', Referral: '转介绍', PersonalNetwork: '朋友或熟人', Other: '其他',
    },
    gender: { Unspecified: '未填写', Female: '女', Male: '男' },
    incomeBand: { Unspecified: '未填写', Low: '低', LowerMiddle: '中低', Middle: '中等', UpperMiddle: '中高', High: '高' },
  },
  customers: {
    title: '客户档案', new: '新建客户', editTitle: '编辑客户', createTitle: '新建客户',
    searchPlaceholder: '按名称或客户编号搜索', filters: '筛选', moreFilters: '更多筛选', clearFilters: '清除筛选',
    mineOnly: '只看我的客户', includeArchived: '包含已归档',
    created: '客户已创建', updated: '客户已更新', archived: '客户已归档', restored: '客户已恢复', transferred: '客户已移交',
    empty: '没有符合条件的客户', emptyHint: '调整筛选条件，或新建一个客户。',
    notFound: '客户不存在，或不在您的负责范围内。',
    groups: {
      background: '背景属性', status: '状态属性', contact: '联系属性', classification: '客户分类',
      profile: '个人档案', importantDates: '重要日期', tags: '标签', system: '系统信息',
    },
    fields: {
      code: '客户编号', name: '客户名称', kind: '客户类型', enterpriseType: '企业类型', industry: '行业', region: '地区',
      isKeyAccount: '大客户标识', level: '客户级别', points: '客户积分', creditRating: '客户信誉度',
      isAlerted: '告警标识', alertReason: '告警原因', lifecycle: '生命周期', state: '客户状态', archivedAt: '归档时间',
      address: '地址', postcode: '邮编', phone: '电话', fax: '传真', website: '网址', email: '电子邮件',
      origin: '客户来源部门', chainPosition: '渠道位置', leadSource: '客户来源', tags: '标签',
      owner: '分管客户经理', ownerId: '客户经理 ID', teamId: '团队 ID', primaryContact: '主要联系人',
      createdAt: '创建时间', updatedAt: '更新时间', createdRange: '创建时间', updatedRange: '更新时间',
      gender: '性别', birthday: '生日', hobbies: '爱好', personality: '性格', family: '家庭', occupation: '职业',
      incomeBand: '收入水平', dateLabel: '事项', date: '日期', version: '版本',
    },
    placeholders: {
      code: '留空则自动生成', tags: '输入后回车添加标签', alertReason: '告警时必填', region: '例如：华东',
      industry: '例如：制造业',
    },
    addImportantDate: '添加重要日期', removeImportantDate: '删除该日期',
    keyAccount: '大客户', alert: '告警',
    tabs: { overview: '概览', contacts: '联系人', purchases: '成交档案' },
    actions: { archive: '归档', restore: '恢复', transfer: '移交客户经理' },
    archiveConfirm: '确定将该客户归档到历史库吗？', restoreConfirm: '确定恢复该客户吗？',
    archivedBanner: '该客户已于 {{date}} 归档，只读显示。',
    transfer: {
      title: '移交客户经理', newOwner: '新的客户经理', newOwnerId: '新的客户经理（用户 ID）', reason: '移交原因',
      userIdHint: '目前只有系统管理员可以查看用户列表，请输入对方的用户 ID。', pickUser: '选择用户',
      invalidId: '请输入有效的用户 ID（UUID）',
    },
  },
  contacts: {
    title: '联系人', add: '添加联系人', editTitle: '编辑联系人', empty: '还没有联系人', primary: '主要联系人',
    setPrimary: '设为主要联系人', deleteConfirm: '确定删除联系人“{{name}}”吗？', added: '联系人已添加', updated: '联系人已更新',
    deleted: '联系人已删除', primarySet: '已设为主要联系人',
    fields: { name: '姓名', title: '职务', mobile: '手机', phone: '电话', fax: '传真', email: '电子邮件', address: '地址', birthday: '生日', isPrimary: '主要联系人' },
  },
  purchases: {
    title: '成交档案', record: '记录成交', empty: '还没有成交记录', recorded: '成交已记录',
    fields: {
      purchasedOn: '成交日期', product: '产品', category: '产品类别', quantity: '数量', unitPrice: '单价',
      listUnitPrice: '目录单价', amount: '金额', currency: '币种', notes: '成交条件/备注',
    },
  },
  users: {
    title: '用户', create: '新建用户', created: '用户已创建', disable: '停用', enable: '启用', disabled: '已停用', active: '正常',
    disabledMsg: '用户已停用', enabledMsg: '用户已启用', roleChanged: '角色已修改', changeRole: '修改角色',
    disableConfirm: '停用后该用户的所有会话将立即失效，确定停用吗？', empty: '暂无用户', filterRole: '按角色筛选',
    fields: { email: '邮箱', displayName: '姓名', role: '角色', password: '初始密码', team: '团队', status: '状态', createdAt: '创建时间' },
  },
  teams: {
    title: '团队', create: '新建团队', created: '团队已创建', members: '成员', manager: '负责经理', addMember: '添加成员',
    memberAdded: '成员已加入团队', memberRemoved: '成员已移出团队', removeConfirm: '确定将 {{name}} 移出团队吗？',
    empty: '暂无团队', noMembers: '暂无成员', pickUser: '选择用户', removeMember: '移出 {{name}}',
    fields: { name: '团队名称', manager: '负责经理' },
  },
  apiKeys: {
    title: 'API 密钥', create: '新建密钥', empty: '暂无 API 密钥', revoke: '吊销', revoked: '已吊销', revokedMsg: '密钥已吊销',
    revokeConfirm: '吊销后使用该密钥的第三方集成将立即无法访问，确定吊销吗？', active: '有效', expired: '已过期',
    secretTitle: '请立即复制密钥', secretBody: '密钥只显示这一次，关闭后无法再次查看。请妥善保存到第三方系统的配置中。',
    fields: { name: '名称', prefix: '前缀', scopes: '权限范围', createdAt: '创建时间', lastUsedAt: '最近使用', expiresAt: '过期时间', status: '状态' },
    neverExpires: '永不过期', neverUsed: '从未使用',
    scopes: { 'customers:read': '客户：读取', 'customers:write': '客户：写入', 'purchases:read': '成交：读取', 'purchases:write': '成交：写入' },
  },
  conflict: {
    title: '该记录已被他人修改', body: '在您编辑期间，其他人保存了该记录。您可以重新加载最新数据（放弃您的修改），或对比两者的差异。',
    compare: '对比差异', reload: '重新加载', overwrite: '仍然保存我的修改', field: '字段', mine: '我的修改', theirs: '服务器上的值',
    noDifferences: '没有字段差异。', loadingServer: '正在获取服务器上的最新数据…',
  },
  language: { 'zh-CN': '简体中文', en: 'English' },
  work: workZh,
  insights: insightsZh,
};

export default zhCN;
export type Messages = typeof zhCN;
