from pressdesk.extract.places import extract_places, place_name


def codes(text: str) -> list[str]:
    return [p.code for p in extract_places(text)]


def test_names_abbreviations_and_demonyms() -> None:
    text = "Canberra and the U.S. met Vietnamese officials; S. Korea, the UK and Brazil joined."
    assert codes(text) == ["US", "VN", "KR", "GB", "BR"]


def test_blocs() -> None:
    assert codes("The EU and ASEAN signed; European Union members agreed.") == ["EU", "ASEAN"]


def test_currency_and_acronyms_are_not_places() -> None:
    assert codes("It cost US$5 million, or 7 USD per unit, said USTR staff.") == []


def test_regions_and_cities_are_not_places() -> None:
    assert codes("North American sales rose in Seoul, Midland and Holland, Michigan.") == []


def test_country_inside_an_org_name_counts() -> None:
    assert codes("the Bank of Korea said") == ["KR"]


def test_spans_point_at_each_mention() -> None:
    text = "Japan and Japanese firms"
    (place,) = extract_places(text)
    assert [text[s.start : s.end] for s in place.spans] == ["Japan", "Japanese"]


def test_place_name_is_canonical() -> None:
    assert place_name("KR") == "South Korea"
    assert place_name("ASEAN") == "ASEAN"


def test_capital_cities_named_after_their_country() -> None:
    assert codes("Talks in Mexico City and Kuwait City ended.") == []
    assert codes("Talks in Mexico City with Mexico ended.") == ["MX"]


def test_european_is_not_the_eu_but_its_bodies_are() -> None:
    assert codes("the company's European history") == []
    assert codes("The European Commission approved it.") == ["EU"]


def test_a_country_name_before_a_city_canal_or_sea_names_no_country() -> None:
    text = "Tankers left the South China Sea for the Panama Canal and Turkey Point; Mexico City agreed."
    assert [p.code for p in extract_places(text)] == []
    assert [p.code for p in extract_places("Tensions rose on the Korean Peninsula.")] == ["KR"]


def test_historic_countries_and_the_ec_are_places() -> None:
    text = "The Soviet Union and East Germany bought wheat; Soviet officials met the European Community."
    assert [p.code for p in extract_places(text)] == ["SU", "DD", "EU"]
    assert place_name("SU") == "Soviet Union"


def test_the_adjectives_of_states_beyond_the_largest() -> None:
    text = ("Omani, Jordanian and Croatian officials met Sri Lankan, Venezuelan and Papua New"
            " Guinean delegates; Guinean and Slovak exporters joined.")
    assert codes(text) == ["OM", "JO", "HR", "LK", "VE", "PG", "GN", "SK"]


def test_regions_of_the_americas_are_no_country() -> None:
    assert codes("Exports to Latin America and Central America rose; North America lagged.") == []
    assert codes("Exports to America rose.") == ["US"]


def test_the_dateline_and_the_site_name_the_release_s_country() -> None:
    from pressdesk.extract.places import dateline_code, site_code

    assert dateline_code("Title\n\nMexico City, May 4, 2026.- The Secretariat said") == "MX"
    assert dateline_code("Title\n\nSEJONG, May 4 (Yonhap) -- Exports rose") == "KR"
    assert dateline_code("Title\n\nThe deal was announced today in Riyadh.\n\nIt covers") is None
    assert [site_code(u) for u in (
        "https://ustr.gov/about-us/x", "https://www.trade.gov.ph/news", "https://www.gov.uk/news",
        "https://www.agency.go.kr/x", "https://policy.trade.ec.europa.eu/x", "https://example.com/x",
        "https://en.yna.co.kr/view", None,
    )] == ["US", "PH", "GB", "KR", "EU", None, None, None]


def test_the_wto_names_of_hong_kong_and_taiwan() -> None:
    assert codes("Chile and Hong Kong, China signed an agreement with Chinese Taipei.") == ["CL", "HK", "TW"]
    assert codes("Exports to Hong Kong, China and Japan rose.") == ["HK", "CN", "JP"]


def test_trade_blocs_beyond_the_eu_and_asean() -> None:
    assert codes("Chile and the Gulf Cooperation Council (GCC) met; EFTA and Mercosur signed.") == [
        "CL", "GCC", "EFTA", "MERCOSUR"]
