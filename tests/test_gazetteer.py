"""The offline gazetteer (kg/gazetteer.py): regions from ISO 3166-2."""

from __future__ import annotations

import pytest

from kg.gazetteer import (
    can_contain,
    capital_of,
    continent_holds,
    lookup,
    region_countries,
    region_within,
)


@pytest.mark.parametrize(("name", "country"), [
    ("British Columbia", "CA"), ("Kerala", "IN"), ("Wales", "GB"), ("Punjab", "PK"),
])
def test_a_province_or_state_names_its_country(name, country):
    assert country in region_countries(name)


def test_a_town_is_no_region():
    assert not region_countries("Kamloops")


def test_a_region_lies_only_in_its_parent_region():
    assert region_within("Gwynedd", "Wales")
    assert not region_within("Lazio", "Campania")
    assert not region_within("Kansas", "Nebraska")


def test_small_towns_are_found_apart_from_the_bigger_places():
    from kg.gazetteer import lookup, rank, town

    harlech = town("Harlech")
    assert harlech is not None and harlech.kind == "town" and harlech.country_code == "GB"
    assert rank(harlech) > rank(lookup("Paris"))
    assert lookup("Harlech") is None  # never linked nor used as a container
    assert town("Qorvexland") is None


@pytest.mark.parametrize(("written", "name"), [("Sao Paulo", "São Paulo"),
                                               ("Bogota", "Bogotá")])
def test_a_name_written_without_its_accents_is_found(written, name):
    place = lookup(written)
    assert place is not None and place.name == name


@pytest.mark.parametrize("name", ["Yugoslavia", "Czechoslovakia", "Zaire", "USSR"])
def test_a_former_country_is_a_country_with_no_geonames_link(name):
    place = lookup(name)
    assert place is not None and place.kind == "country" and place.geonames_id is None
    assert can_contain(name)


def test_a_former_countrys_qualifier_is_no_country():
    assert lookup("Metropolitan") is None


def test_a_city_whose_name_opens_with_the_is_found_without_it():
    place = lookup("Hague")
    assert place is not None and place.name == "The Hague"


@pytest.mark.parametrize(("inner", "outer"), [
    ("Boise", "Idaho"), ("Casablanca", "Morocco"), ("Idaho", "United States"),
    ("Ontario", "Canada"),
])
def test_the_gazetteer_nests_a_place_in_its_country_or_state(inner, outer):
    from kg.gazetteer import lies_in

    assert lies_in(inner, outer)


@pytest.mark.parametrize(("inner", "outer"), [
    ("Morocco", "Casablanca"),  # the other way round
    ("Birmingham", "Alabama"),  # the biggest Birmingham is in England
    ("Boise", "Oregon"), ("Casablanca", "Egypt"), ("Texas", "Mexico"),
])
def test_the_gazetteer_does_not_guess_nesting(inner, outer):
    from kg.gazetteer import lies_in

    assert not lies_in(inner, outer)


def test_a_city_written_with_city_after_its_name():
    """'Iloilo City' is the city GeoNames lists as 'Iloilo'; 'Kansas City' stays whole."""
    from kg.gazetteer import lookup

    assert lookup("Iloilo City") is not None and lookup("Iloilo City").name == "Iloilo"
    assert lookup("Kansas City") is not None and lookup("Kansas City").name == "Kansas City"
    assert lookup("Norway City") is None  # a country is not a city


def test_a_continent_holds_only_its_own_countries():
    assert continent_holds("Africa", "Ghana")
    assert continent_holds("south america", "Chile")
    assert not continent_holds("Africa", "Peru")
    assert not continent_holds("East Asia", "Japan")  # a region, not a GeoNames continent
    assert not continent_holds("Europe", "Paris")  # a city is no country


@pytest.mark.parametrize(("name", "country"), [
    ("Athens", "Greece"), ("Washington", "United States"), ("New Delhi", "India"),
    ("Kyiv", "Ukraine")])
def test_a_capital_names_its_country(name, country):
    place = capital_of(name)
    assert place is not None and place.name == country


@pytest.mark.parametrize("name", ["Barcelona", "San Jose", "Hamilton", "Greece"])
def test_no_country_for_a_city_that_is_no_capital_or_first_another_countrys(name):
    # 'San Jose' is California's before Costa Rica's, 'Hamilton' Ontario's before Bermuda's
    assert capital_of(name) is None
