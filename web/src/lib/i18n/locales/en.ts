import type { Messages } from './zh-CN';
import { workEn } from './work';
import { insightsEn } from './insights';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<Messages> = {
  app: { name: 'Customer Management', shortName: 'CRM' },
  common: {
    save: 'Save', cancel: 'Cancel', create: 'Create', edit: 'Edit', delete: 'Delete', confirm: 'OK', close: 'Close',
    reload: 'Reload', search: 'Search', reset: 'Reset', loading: 'Loading…', empty: 'No data', yes: 'Yes', no: 'No',
    actions: 'Actions', back: 'Back', more: 'More', loadMore: 'Load more', retry: 'Retry', copy: 'Copy', copied: 'Copied',
    saved: 'Saved', all: 'All', none: 'None', required: 'Please enter {{field}}', unknownError: 'Something went wrong. Please try again.',
    networkError: 'Cannot reach the server. Check your connection.', notFound: 'Page not found', notFoundHint: 'The page you are looking for does not exist or was removed.',
    backHome: 'Back to home', forbidden: 'Not allowed', forbiddenHint: 'Your role cannot open this page.', traceId: 'Trace ID',
    loadedCount: '{{count}} loaded', endOfList: 'All loaded', crashed: 'Something went wrong on this page', crashedHint: 'This page hit an unexpected error. Try again, or reload the page.',
  },
  nav: {
    home: 'Home', customers: 'Customers', admin: 'Administration', users: 'Users', teams: 'Teams', apiKeys: 'API keys',
    mainMenu: 'Main menu', toggleMenu: 'Toggle menu',
  },
  header: { language: 'Language', userMenu: 'User menu', logout: 'Sign out', role: 'Role' },
  role: { Admin: 'Administrator', Manager: 'Sales manager', Rep: 'Account manager', Service: 'Customer service', Analyst: 'Marketing analyst' },
  auth: {
    title: 'Sign in', subtitle: 'Customer Management', email: 'Email', password: 'Password', submit: 'Sign in',
    emailRequired: 'Please enter your email', emailInvalid: 'This is not a valid email', passwordRequired: 'Please enter your password',
    failed: 'Sign-in failed', sessionExpired: 'Your session has expired. Please sign in again.', loggedOut: 'You have signed out',
  },
  home: {
    welcome: 'Welcome back, {{name}}', intro: 'An overview of the customers in your scope.',
    myCustomers: 'My customers', keyAccounts: 'Key accounts', alerted: 'Alerted customers', prospects: 'Prospects',
    atLeast: '{{count}}+', viewAll: 'View',
    quickLinks: 'Quick links', newCustomer: 'New customer', browseCustomers: 'Browse customers',
  },
  enums: {
    kind: { Company: 'Company', Person: 'Person' },
    enterpriseType: { StateOwned: 'State-owned', Foreign: 'Foreign', JointVenture: 'Joint venture', Private: 'Private', Individual: 'Individual', Other: 'Other' },
    level: { Special: 'Special', A: 'Level A', B: 'Level B', C: 'Level C' },
    creditRating: { Unrated: 'Unrated', AAA: 'AAA', AA: 'AA', A: 'A', B: 'B', C: 'C' },
    lifecycle: { Prospect: 'Prospect', Active: 'Active', Lapsed: 'Lapsed', Archived: 'Archived' },
    state: { Actual: 'Actual', Potential: 'Potential' },
    origin: { External: 'External', Internal: 'Internal' },
    chainPosition: { Final: 'Final (end user)', Intermediate: 'Intermediate (reseller)' },
    leadSource: {
      Advertising: 'Advertising', TradeShow: 'Trade show', PhoneMailCampaign: 'Phone/mail campaign', Finance: 'Finance department',
      ServiceDepartment: 'Service department', Referral: 'Referral', PersonalNetwork: 'Personal network', Other: 'Other',
    },
    gender: { Unspecified: 'Not given', Female: 'Female', Male: 'Male' },
    incomeBand: { Unspecified: 'Not given', Low: 'Low', LowerMiddle: 'Lower middle', Middle: 'Middle', UpperMiddle: 'Upper middle', High: 'High' },
  },
  customers: {
    title: 'Customers', new: 'New customer', editTitle: 'Edit customer', createTitle: 'New customer',
    searchPlaceholder: 'Search by name or customer code', filters: 'Filters', moreFilters: 'More filters', clearFilters: 'Clear filters',
    mineOnly: 'Only my customers', includeArchived: 'Include archived',
    created: 'Customer created', updated: 'Customer updated', archived: 'Customer archived', restored: 'Customer restored', transferred: 'Customer transferred',
    empty: 'No customers match', emptyHint: 'Change the filters, or create a customer.',
    notFound: 'This customer does not exist or is outside your scope.',
    export: 'Export', exported: 'CSV exported', importButton: 'Import',
    import: {
      title: { customers: 'Import customers (CSV)', contacts: 'Import contacts (CSV)', purchases: 'Import deal records (CSV)' },
      menu: { customers: 'Customers', contacts: 'Contacts', purchases: 'Deal records' },
      stepFile: 'Choose file', stepCheck: 'Check', stepRun: 'Import', drop: 'Click or drop a CSV file here',
      hint: {
        customers: 'UTF-8, header row. Rows match existing customers by code, then phone or e-mail, then exact name: a match is updated, otherwise a customer is created.',
        contacts: 'UTF-8, header row; customerCode names the customer. Rows match that customer\u2019s contacts by mobile or phone, then e-mail, then name, and update them; others are added. A customer keeps one primary contact.',
        purchases: 'UTF-8, header row; customerCode names the customer. Deals are recorded as if entered by hand (points, prospect to active, referral won); a row identical to a recorded deal is skipped.',
      },
      customer: 'Customer', open: 'Open', columnNames: { customerCode: 'Customer code', deal: 'Same deal record' },
      columns: 'Columns:', template: 'Download template', check: 'Check', chooseAnother: 'Choose another file', confirm: 'Import ({{count}} rows)',
      total: 'Rows', row: 'Row', action: 'Planned action', matchedBy: 'Matched by', problems: 'Problems', field: 'Field',
      allRows: 'All rows', errorRows: 'Rows with errors ({{count}})',
      errorsWarning: 'Rows with errors are not imported; rows are written in batches of 1,000 and a batch with an error is not written at all. Fix the file and check again first.',
      actions: { Create: 'Create', Update: 'Update', Skip: 'Skip', Error: 'Error' },
      status: { Queued: 'Queued', Running: 'Importing', Succeeded: 'Import finished', CompletedWithErrors: 'Finished with errors', Failed: 'Import failed' },
      processed: '{{done}} of {{total}} rows processed', report: '{{created}} created, {{updated}} updated, {{skipped}} skipped, {{failed}} failed',
    },
    groups: {
      background: 'Background', status: 'Status', contact: 'Contact', classification: 'Classification',
      profile: 'Personal profile', importantDates: 'Important dates', tags: 'Tags', system: 'System',
    },
    fields: {
      code: 'Customer code', name: 'Name', kind: 'Kind', enterpriseType: 'Enterprise type', industry: 'Industry', region: 'Region',
      isKeyAccount: 'Key account', level: 'Level', points: 'Points', creditRating: 'Credit rating',
      isAlerted: 'Alert', alertReason: 'Alert reason', lifecycle: 'Lifecycle', state: 'State', archivedAt: 'Archived at',
      address: 'Address', postcode: 'Postcode', phone: 'Phone', fax: 'Fax', website: 'Website', email: 'Email',
      origin: 'Origin', chainPosition: 'Chain position', leadSource: 'Lead source', tags: 'Tags',
      owner: 'Account manager', ownerEmail: 'Account manager e-mail', ownerId: 'Account manager ID', teamId: 'Team ID', primaryContact: 'Primary contact',
      createdAt: 'Created', updatedAt: 'Updated', createdRange: 'Created', updatedRange: 'Updated',
      gender: 'Gender', birthday: 'Birthday', hobbies: 'Hobbies', personality: 'Personality', family: 'Family', occupation: 'Occupation',
      incomeBand: 'Income band', dateLabel: 'Occasion', date: 'Date', version: 'Version',
    },
    placeholders: {
      code: 'Generated when left empty', tags: 'Type and press Enter to add', alertReason: 'Required when alerted', region: 'e.g. East China',
      industry: 'e.g. Manufacturing',
    },
    addImportantDate: 'Add important date', removeImportantDate: 'Remove this date',
    keyAccount: 'Key account', alert: 'Alert',
    tabs: { overview: 'Overview', contacts: 'Contacts', purchases: 'Deal records' },
    actions: { archive: 'Archive', restore: 'Restore', transfer: 'Transfer owner' },
    archiveConfirm: 'Archive this customer into the retention store?', restoreConfirm: 'Restore this customer?',
    archivedBanner: 'Archived on {{date}}; shown read-only.',
    merge: {
      button: 'Merge duplicate', title: 'Merge a duplicate customer', confirm: 'Merge', done: 'Customers merged', pick: 'Search the duplicate by name or code', duplicate: 'Duplicate customer',
      explain: 'The profile of “{{name}}” ({{code}}) is kept; the duplicate’s contacts, deals, visits, complaints, referrals, tasks, assessments, important dates, tags and points move here, and the duplicate is archived. This cannot be undone.',
      moved: 'Moved here',
      counts: { contacts: 'Contacts', purchases: 'Deal records', visits: 'Visits', complaints: 'Complaints', referrals: 'Referrals', tasks: 'Tasks', assessments: 'Assessments', importantDates: 'Important dates', tags: 'Tags', points: 'Points' },
    },
    transfer: {
      title: 'Transfer to another account manager', newOwner: 'New account manager', reason: 'Reason', pickUser: 'Pick a user',
    },
  },
  contacts: {
    title: 'Contacts', add: 'Add contact', editTitle: 'Edit contact', empty: 'No contacts yet', primary: 'Primary',
    setPrimary: 'Make primary', deleteConfirm: 'Delete contact "{{name}}"?', added: 'Contact added', updated: 'Contact updated',
    deleted: 'Contact deleted', primarySet: 'Primary contact set',
    fields: { name: 'Name', title: 'Title', mobile: 'Mobile', phone: 'Phone', fax: 'Fax', email: 'Email', address: 'Address', birthday: 'Birthday', isPrimary: 'Primary' },
  },
  purchases: {
    title: 'Deal records', record: 'Record a purchase', empty: 'No purchases yet', recorded: 'Purchase recorded',
    correct: 'Correct', corrected: 'Deal record corrected', deleted: 'Deal record deleted', deleteConfirm: 'Delete this deal record? Only for records entered by mistake.',
    fields: {
      purchasedOn: 'Date', product: 'Product', category: 'Category', quantity: 'Quantity', unitPrice: 'Unit price',
      listUnitPrice: 'List price', amount: 'Amount', currency: 'Currency', notes: 'Conditions / notes',
    },
  },
  users: {
    title: 'Users', create: 'New user', created: 'User created', disable: 'Disable', enable: 'Enable', disabled: 'Disabled', active: 'Active',
    disabledMsg: 'User disabled', enabledMsg: 'User enabled', roleChanged: 'Role changed', changeRole: 'Change role',
    disableConfirm: 'Disabling ends all of this user\u2019s sessions at once. Continue?', empty: 'No users', filterRole: 'Filter by role',
    fields: { email: 'Email', displayName: 'Name', role: 'Role', password: 'Initial password', team: 'Team', status: 'Status', createdAt: 'Created' },
  },
  teams: {
    title: 'Teams', create: 'New team', created: 'Team created', members: 'Members', manager: 'Manager', addMember: 'Add member',
    memberAdded: 'Member added', memberRemoved: 'Member removed', removeConfirm: 'Remove {{name}} from the team?',
    empty: 'No teams', noMembers: 'No members', pickUser: 'Pick a user', removeMember: 'Remove {{name}}',
    fields: { name: 'Team name', manager: 'Manager' },
  },
  apiKeys: {
    title: 'API keys', create: 'New key', empty: 'No API keys', revoke: 'Revoke', revoked: 'Revoked', revokedMsg: 'Key revoked',
    revokeConfirm: 'Integrations using this key lose access at once. Revoke?', active: 'Active', expired: 'Expired',
    secretTitle: 'Copy the key now', secretBody: 'The key is shown only this once. Store it in the other system\u2019s configuration before closing.',
    fields: { name: 'Name', prefix: 'Prefix', scopes: 'Scopes', createdAt: 'Created', lastUsedAt: 'Last used', expiresAt: 'Expires', status: 'Status' },
    neverExpires: 'Never', neverUsed: 'Never',
    scopeLabel: '{{area}}: {{access}}', scopeAccess: { read: 'read', write: 'write' },
    scopeArea: { customers: 'Customers', purchases: 'Deals', visits: 'Visits', complaints: 'Complaints', referrals: 'Referrals', points: 'Points', tasks: 'Tasks' },
  },
  conflict: {
    title: 'Someone else changed this record', body: 'Another person saved this record while you were editing. Reload the latest data (your changes are discarded) or compare the two versions.',
    compare: 'Compare', reload: 'Reload', overwrite: 'Save mine anyway', field: 'Field', mine: 'Your value', theirs: 'Server value',
    noDifferences: 'No differences.', loadingServer: 'Fetching the latest data from the server…',
  },
  timeline: {
    tab: 'Timeline', filter: 'Filter by kind', empty: 'Nothing yet', partial: 'Some records could not be loaded; the timeline may be incomplete.', latestOnly: 'Only the latest {{count}} of each kind are shown.',
    created: 'Customer profile created ({{code}})', updated: 'Profile changed', purchase: 'Deal: {{product}} × {{quantity}}', visit: '{{form}} ({{visitor}})',
    complaint: 'Complaint {{number}}: {{category}}', complaintResolved: 'Complaint {{number}} resolved', referred: 'Referred', referredBy: 'Referred by',
    points: '{{amount}} points ({{source}})', balance: 'balance {{balance}}', assessment: 'Relationship assessment {{total}}, grade {{grade}}',
    kinds: { profile: 'Profile', purchase: 'Deals', visit: 'Visits', complaint: 'Complaints', referral: 'Referrals', points: 'Points', assessment: 'Assessments' },
  },
  language: { 'zh-CN': '简体中文', en: 'English' },
  work: workEn,
  insights: insightsEn,
};

export default en;
