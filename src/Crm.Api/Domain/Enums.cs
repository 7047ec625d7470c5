namespace Crm.Api.Domain;

public enum Role { Admin, Manager, Rep, Service, Analyst }

public enum CustomerKind { Company, Person }

/// <summary>企业类型</summary>
public enum EnterpriseType { StateOwned, Foreign, JointVenture, Private, Individual, Other }

/// <summary>客户级别. Declared from highest to lowest so that sorting by level ascending puts Special first.</summary>
public enum CustomerLevel { Special = 0, A = 1, B = 2, C = 3 }

/// <summary>What the composition analysis (客户构成分析) groups sales by.</summary>
public enum CompositionDimension { Level, Category, Region, Owner, Industry }

/// <summary>Prospect (潜在客户) → Active (现实客户) → Lapsed (流失) → Archived.</summary>
public enum Lifecycle { Prospect, Active, Lapsed, Archived }

/// <summary>客户信誉度</summary>
public enum CreditRating { Unrated, AAA, AA, A, B, C }

/// <summary>By origin: another department (内部客户) or outside the company (外部客户).</summary>
public enum CustomerOrigin { External, Internal }

/// <summary>By position in the chain: distributor/reseller (中间客户) or end user (最终客户).</summary>
public enum ChainPosition { Final, Intermediate }

/// <summary>By state: potential (潜在客户, a prospect) or actual (现实客户, everyone who has bought).</summary>
public enum CustomerState { Actual, Potential }

/// <summary>客户来源</summary>
public enum LeadSource { Advertising, TradeShow, PhoneMailCampaign, Finance, ServiceDepartment, Referral, PersonalNetwork, Other }

public enum Gender { Unspecified, Female, Male }

public enum IncomeBand { Unspecified, Low, LowerMiddle, Middle, UpperMiddle, High }
