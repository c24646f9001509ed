import GoliveDomain

/// The names and sentences seeded accounts are made of: varied scripts and widths on purpose.
extension Seeder {
    static let csmNames = [
        "Ana Souza", "Björn Lindqvist", "Chen Wei 陈伟", "Dana Okafor", "Émile Roux", "Fatima Al-Sayed",
        "Giorgos Papadakis", "Hana Kobayashi 小林花", "Iñaki Etxeberria", "Jonas Müller", "Kavya Rao", "Léa Dubois",
    ]

    static let salesNames = [
        "Marco Bianchi", "Nadia Petrova", "Oscar Lindgren", "Priya Nair", "Quentin Moreau", "Rosa Álvarez",
    ]

    static let stems = [
        "Acme", "Björk", "Café Olé", "Zürich", "Søren", "Ñandú", "Île Verte", "Kraków", "São Paulo", "Łódź",
        "東京ロジスティクス", "北京数据", "서울", "Nordwind", "Bluefin", "Copperline", "Driftwood", "Evergreen",
        "Foxglove", "Granite", "Harbor", "Ironbark", "Juniper", "Kestrel", "Lumen", "Meridian", "Northstar",
        "Orchid", "Pinnacle", "Quarry", "Riverside", "Summit", "Tidewater", "Umbra", "Vantage", "Willow",
        "Xenon", "Yellowtail", "Zephyr", "🚀 Rocket", "Αθήνα", "Москва", "Dürer", "Fjällräv", "Crème",
    ]

    static let suffixes = [
        "Analytics", "Logistics", "Health", "Labs", "Foods", "Re", "Retail", "Energy", "Bank",
        "Systems", "Media", "Robotics", "Travel", "株式会社", "GmbH", "& Co", "Cloud", "Pharma",
    ]

    static let goals = [
        "cut month-end close from 10 to 4 days", "one view of every shipment", "replace three legacy tools",
        "self-serve reporting for 200 managers", "automate onboarding of new stores", "SOC 2 evidence in one place",
    ]

    static let requirements = [
        "SSO via Okta, SCIM provisioning", "Salesforce and NetSuite integration", "EU data residency",
        "SAML with Azure AD; audit log export", "CSV import of 2M records", "API access for the data team",
    ]

    static let promises = [
        "go-live before the quarter ends", "a dedicated solutions engineer", "custom dashboard by week 6",
        "training for 3 regional teams", "weekly status report", "no price change on renewal",
    ]

    static let blockReasons = [
        "waiting on firewall change", "vendor API outage", "scope question open with Sales",
        "test environment unavailable", "SSO certificate expired", "data mapping disputed",
    ]

    static let escalationReasons = [
        "go-live date at risk: sponsor unhappy", "integration blocked for two weeks",
        "customer threatening to cancel", "security review stuck", "promised feature missing",
    ]

    static let touchpointOutcomes = [
        "agreed next steps", "customer on board with the plan", "open questions sent by mail", "dates confirmed",
        "sponsor joined and agreed",
    ]
}
