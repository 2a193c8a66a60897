"""Outlet resolution: metadata > dateline agency > URL host (data/outlets.tsv) > house style."""

from __future__ import annotations

import pytest

from communique.read.meta import outlet_for_url, outlet_table, resolve_outlet


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("http://en.kremlin.ru/events/president/news/67487", "Kremlin"),
        ("kremlin.ru/events", "Kremlin"),
        ("https://www.whitehouse.gov/briefing-room/", "White House"),
        ("https://bidenwhitehouse.archives.gov/briefing-room/x/", "White House"),
        ("https://www.president.gov.ua/en/news/x", "Office of the President of Ukraine"),
        ("https://www.fmprc.gov.cn/eng/x.html", "Ministry of Foreign Affairs of China"),
        ("https://www.mfa.gov.cn/eng/x.html", "Ministry of Foreign Affairs of China"),
        ("http://www.xinhuanet.com/english/x.htm", "Xinhua"),
        ("https://english.news.cn/20240101/x/c.html", "Xinhua"),
        ("https://www.globaltimes.cn/page/202201/1245.shtml", "Global Times"),
        ("http://en.people.cn/n3/2023/1204/c90000-1.html", "People's Daily"),
        ("https://www.mea.gov.in/bilateral.htm", "Ministry of External Affairs of India"),
        ("https://www.state.gov/readout/", "U.S. Department of State"),
        (
            "https://www.gov.uk/government/organisations/prime-ministers-office-10-downing-street/news",
            "Prime Minister's Office (UK)",
        ),
        ("https://www.elysee.fr/emmanuel-macron/x", "Élysée"),
        ("https://www.bundesregierung.de/breg-en/x", "German Federal Government"),
        ("https://mid.ru/en/x", "Ministry of Foreign Affairs of Russia"),
        ("https://www.reuters.com/world/x", "Reuters"),
        ("https://apnews.com/article/x", "Associated Press"),
        ("https://tass.com/politics/1", "TASS"),
        ("HTTPS://EN.KREMLIN.RU:443/x", "Kremlin"),
        ("https://www.gov.uk/other", None),  # gov.uk alone is not one outlet
        ("https://notkremlin.ru/x", None),  # a parent match needs a dot boundary
        ("https://example.org/", None),
        ("not a url", None),
        ("", None),
        (None, None),
        ("http://[::1", None),
    ],
)
def test_outlet_for_url(url, outlet):
    assert outlet_for_url(url) == outlet


def test_outlet_table_loads_from_package_data():
    table = outlet_table()
    assert table["kremlin.ru"] == "Kremlin"
    assert all("\t" not in k and k == k.lower() for k in table)


def test_resolution_order():
    url = "https://www.reuters.com/x"
    assert resolve_outlet("Estoria Daily", "Xinhua", url, "Global Times") == ("Estoria Daily", "metadata")
    assert resolve_outlet(None, "Xinhua", url, "Global Times") == ("Xinhua", "dateline")
    assert resolve_outlet("  ", None, url, "Global Times") == ("Reuters", "url")
    assert resolve_outlet(None, None, "https://example.org", "Global Times") == ("Global Times", "style")
    assert resolve_outlet() == (None, None)
