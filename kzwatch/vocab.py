"""The contract's vocabularies (../shared/spec/records.md), in one place."""
REGIONS = frozenset({
    "Abai", "Akmola", "Aktobe", "Almaty Region", "Atyrau", "East Kazakhstan", "Jetisu",
    "Karaganda", "Kostanay", "Kyzylorda", "Mangystau", "North Kazakhstan", "Pavlodar",
    "Turkestan", "Ulytau", "West Kazakhstan", "Zhambyl", "Astana", "Almaty", "Shymkent"})
CHARGES = frozenset({
    "bribe_taking", "bribe_giving", "bribery_mediation", "embezzlement", "fraud",
    "abuse_of_office", "exceeding_authority", "money_laundering", "illegal_entrepreneurship",
    "tax_evasion", "high_treason", "seizure_of_power", "mass_riots", "extremism",
    "inciting_discord", "negligence", "murder", "torture", "other"})
SENTENCE_TYPES = frozenset({"prison", "suspended", "deferred", "restriction_of_freedom",
                            "probation", "life", "fine", "none"})
STATUSES = frozenset({"suspected", "detained", "charged", "on_trial", "convicted", "acquitted",
                      "released", "pardoned", "paroled"})
AMOUNT_KINDS = frozenset({"bribe", "damage", "embezzled", "restitution", "assets_recovered"})
EVENT_TYPES = frozenset({"protests", "riots", "violence_against_civilians", "battles",
                         "strategic_developments"})
SUB_EVENT_TYPES = frozenset({
    "peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters",
    "violent_demonstration", "mob_violence", "arrests", "looting_property_destruction", "other",
    "attack", "abduction_forced_disappearance", "sexual_violence", "armed_clash",
    "change_to_group_activity", "agreement", "disrupted_weapons_use",
    "non_violent_transfer_of_territory", "headquarters_or_base_established"})
INDICATORS = frozenset({"cpi_score", "egov_rank", "peaceful_assemblies",
                        "assemblies_share_political", "assemblies_share_economic",
                        "assemblies_share_social", "population_share", "fx_rate"})
INDICATOR_UNITS = frozenset({"score", "rank", "count", "percent", "rate"})
METRICS = frozenset({"killed", "injured", "detained", "arrested", "criminal_cases",
                     "participants", "corruption_cases_registered", "convictions", "prosecuted",
                     "appeals", "assets_recovered", "volunteers", "violations", "other"})
