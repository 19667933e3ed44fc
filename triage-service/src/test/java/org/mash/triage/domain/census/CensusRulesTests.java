package org.mash.triage.domain.census;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mash.triage.domain.census.CensusFixture.child;
import static org.mash.triage.domain.census.CensusFixture.census;
import static org.mash.triage.domain.census.CensusFixture.rules;
import static org.mash.triage.domain.census.CensusFixture.s47;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mash.triage.domain.census.CensusFixture.ChildBuilder;
import org.mash.triage.domain.census.CensusFixture.ReferralBuilder;

/**
 * Each rule of returns.md that concerns the parts this system writes, with a child that breaks it and one that does
 * not. The example child of returns.md breaks no rule about a child; the return-wide queries (2886-2888) need a
 * return of several children.
 */
class CensusRulesTests {

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The example child breaks no rule, except the return-wide disability queries a one-child return must raise. */
    @Test
    void theExampleChildBreaksNoRule() {
        assertEquals(List.of("2887Q", "2888Q"), rules(census(child().build())));
        assertTrue(CensusRules.passes(CensusFixture.RULES.check(census(child().build()))), "queries do not stop a return");
    }

    /** {@code rule} is broken by the child {@code change} makes of the example, and not by the example. */
    static void breaks(String rule, Consumer<ChildBuilder> change) {
        assertFalse(rules(census(child().build())).contains(rule), rule + " holds for the example child");
        ChildBuilder broken = child();
        change.accept(broken);
        List<String> found = rules(census(broken.build()));
        assertTrue(found.contains(rule), rule + " should be broken, found " + found);
    }

    static Consumer<ChildBuilder> referral(Consumer<ReferralBuilder> change) {
        return c -> change.accept(c.referrals.get(0));
    }

    @Test
    void header100() {
        assertTrue(rules(census(d("2026-03-30"), child().build())).contains("100"));
        assertFalse(rules(census(d("2026-03-31"), child().build())).contains("100"));
    }

    @Test
    void localChildIds8500And8510And1570And1580() {
        breaks("8500", c -> c.id = null);
        breaks("1570", c -> c.id = "C12345678901234567890");
        breaks("1580", c -> c.id = "C-0001");
        ChildBuilder other = child();
        other.upn = null;
        other.upnUnknown = "UN4";
        assertTrue(rules(census(child().build(), other.build())).contains("8510"));
        other.id = "MASH000124";
        assertFalse(rules(census(child().build(), other.build())).contains("8510"));
    }

    @Test
    void upns1510To1560() {
        breaks("1510", c -> c.upn = "N201123424001");
        breaks("1530", c -> c.upn = "M999123424001");
        breaks("1540", c -> c.upn = "M2011234X4001");
        breaks("1550", c -> c.upn = "M20112342400I");
        breaks("1560Q", c -> c.formerUpn = "M20112342400");
        ChildBuilder twin = child();
        twin.id = "MASH000124";
        assertTrue(rules(census(child().build(), twin.build())).contains("1520"));
        twin.upn = "Y20112342400A";
        assertFalse(rules(census(child().build(), twin.build())).contains("1520"));
    }

    @Test
    void aSchoolAgeChildHasAUpnOrAReason8770AndUn7OnlyWhenEveryReferralIsNfa8772() {
        breaks("8770Q", c -> c.upn = null);
        breaks("8770Q", c -> {
            c.upn = null;
            c.upnUnknown = "UN1";
        });
        ChildBuilder reason = child();
        reason.upn = null;
        reason.upnUnknown = "UN2";
        assertFalse(rules(census(reason.build())).contains("8770Q"));
        ChildBuilder young = child();
        young.upn = null;
        young.born = d("2021-01-10");
        assertFalse(rules(census(young.build())).contains("8770Q"), "not of school age");

        breaks("8772", c -> {
            c.upn = null;
            c.upnUnknown = "UN7";
        });
        ChildBuilder nfa = child();
        nfa.upn = null;
        nfa.upnUnknown = "UN7";
        nfa.referrals.get(0).nfa();
        assertFalse(rules(census(nfa.build())).contains("8772"));
    }

    @Test
    void sexAndBirth4180And8750And8520And8525And8530() {
        breaks("4180", c -> c.sex = "X");
        breaks("4180", c -> c.sex = null);
        breaks("8750", c -> {
            c.born = null;
            c.expected = d("2026-05-01");
        });
        ChildBuilder unborn = child();
        unborn.born = null;
        unborn.expected = d("2026-05-01");
        unborn.sex = "U";
        unborn.referrals.get(0).s47 = new ArrayList<>();
        assertFalse(rules(census(unborn.build())).contains("8750"));
        assertFalse(rules(census(unborn.build())).contains("8530Q"));
        breaks("8520", c -> c.born = d("2026-04-05"));
        breaks("8525Q", c -> c.expected = d("2026-05-01"));
        breaks("8525Q", c -> c.born = null);
        breaks("8530Q", c -> {
            c.born = null;
            c.sex = "U";
            c.expected = d("2027-01-15");
        });
        breaks("8530Q", c -> {
            c.born = null;
            c.sex = "U";
            c.expected = d("2026-02-20");
        });
    }

    @Test
    void deathAndAge8535And8545And8775() {
        breaks("8535Q", c -> c.died = d("2015-01-01"));
        breaks("8545Q", c -> c.died = d("2024-01-01"));
        ChildBuilder died = child();
        died.died = d("2025-12-01");
        assertFalse(rules(census(died.build())).contains("8545Q"));
        assertFalse(rules(census(died.build())).contains("8535Q"));
        breaks("8775Q", c -> c.born = d("1999-01-01"));
    }

    @Test
    void ethnicityAndDisabilities4220And8540And8790And8794() {
        breaks("4220", c -> c.ethnicity = "XXXX");
        breaks("4220", c -> c.ethnicity = null);
        breaks("8540", c -> c.disabilities = List.of());
        breaks("8540", c -> c.disabilities = List.of("WINGS"));
        ChildBuilder nfa = child();
        nfa.disabilities = List.of();
        nfa.referrals.get(0).nfa();
        assertFalse(rules(census(nfa.build())).contains("8540"), "only NFA referrals: no disability needed");
        breaks("8790", c -> c.disabilities = List.of("NONE", "MOB"));
        breaks("8794", c -> c.disabilities = List.of("MOB", "MOB"));
    }

    @Test
    void theWholeReturn2886And2887And2888() {
        ChildBuilder unknown = child();
        unknown.sex = "U";
        assertTrue(rules(census(unknown.build())).contains("2886Q"));
        assertFalse(rules(census(child().build())).contains("2886Q"));

        List<CinCensus.Child> varied = new ArrayList<>();
        String[][] codes = {{"MOB", "HAND"}, {"PC"}, {"INC"}, {"COMM"}, {"LD"}, {"HEAR"}, {"VIS"}, {"BEH"}};
        for (int i = 0; i < codes.length; i++) {
            ChildBuilder c = child();
            c.id = "MASH00010" + i;
            c.upn = null;
            c.upnUnknown = "UN4";
            c.disabilities = List.of(codes[i]);
            varied.add(c.build());
        }
        List<String> found = rules(census(varied.toArray(CinCensus.Child[]::new)));
        assertFalse(found.contains("2887Q"), "9 distinct codes");
        assertFalse(found.contains("2888Q"), "a child with two");
        assertTrue(rules(census(child().build())).contains("2887Q"));
        assertTrue(rules(census(child().build())).contains("2888Q"));
    }

    @Test
    void referrals8590And8600And8606And8555() {
        breaks("8590", c -> c.referrals = new ArrayList<>());
        breaks("8600", referral(r -> r.date = d("2026-04-02")));
        breaks("8600", referral(r -> r.date = null));
        breaks("8606", c -> {
            c.born = null;
            c.sex = "U";
            c.expected = d("2026-09-01");
            c.referrals.get(0).s47 = new ArrayList<>();
        });
        breaks("8555Q", c -> c.died = d("2025-10-01"));
    }

    @Test
    void referralCodes8866And8568And8610And8650() {
        breaks("8866", referral(r -> r.source = "99"));
        breaks("8866", referral(r -> r.source = null));
        breaks("8568", referral(r -> r.nfa = null));
        breaks("8610", referral(r -> r.need = null));
        ChildBuilder nfa = child();
        nfa.referrals.get(0).nfa();
        assertFalse(rules(census(nfa.build())).contains("8610"), "an NFA referral needs no primary need");
        breaks("8650", referral(r -> r.need = "N10"));
    }

    @Test
    void anNfaReferralBeforeTheYear8569AndWithNothingAfter8831() {
        breaks("8569Q", referral(r -> {
            r.nfa();
            r.date = d("2025-03-20");
        }));
        ChildBuilder lastDay = child();
        lastDay.referrals.get(0).nfa();
        lastDay.referrals.get(0).date = d("2025-03-31");
        assertFalse(rules(census(lastDay.build())).contains("8569Q"), "one working day before the year");
        breaks("8831", referral(r -> r.nfa = true));
    }

    @Test
    void closure8620And8630And8640And8805And8810() {
        breaks("8620", referral(r -> {
            r.closed = d("2026-05-01");
            r.reason = "RC4";
        }));
        breaks("8630", referral(r -> {
            r.closed = d("2025-10-01");
            r.reason = "RC4";
        }));
        breaks("8640", referral(r -> {
            r.closed = d("2025-12-01");
            r.reason = "RC10";
        }));
        breaks("8805", referral(r -> r.closed = d("2025-12-01")));
        breaks("8810", referral(r -> r.reason = "RC4"));
        ChildBuilder closed = child();
        closed.referrals.get(0).closed = d("2025-12-01");
        closed.referrals.get(0).reason = "RC4";
        List<String> found = rules(census(closed.build()));
        for (String rule : List.of("8620", "8630", "8640", "8805", "8810", "8565", "8868")) {
            assertFalse(found.contains(rule), rule);
        }
    }

    @Test
    void closureReasons8585And8825And2990() {
        breaks("8585Q", referral(r -> {
            r.closed = d("2025-12-01");
            r.reason = "RC2";
        }));
        breaks("8825Q", referral(r -> {
            r.closed = d("2025-12-01");
            r.reason = "RC8";
            r.assessments = new ArrayList<>();
            r.s47 = new ArrayList<>();
        }));
        breaks("2990", referral(r -> {
            r.closed = d("2025-12-01");
            r.reason = "RC8";
        }));
        ChildBuilder assessed = child();
        assessed.referrals.get(0).closed = d("2025-12-01");
        assessed.referrals.get(0).reason = "RC8";
        assessed.referrals.get(0).s47 = new ArrayList<>();
        List<String> found = rules(census(assessed.build()));
        assertFalse(found.contains("8825Q"));
        assertFalse(found.contains("2990"));
    }

    @Test
    void activityInAClosedEpisode8565And8868() {
        breaks("8565", referral(r -> {
            r.closed = d("2025-10-20");
            r.reason = "RC4";
        }));
        breaks("8868", referral(r -> {
            r.closed = d("2025-12-01");
            r.reason = "RC4";
            r.s47 = new ArrayList<>(List.of(s47(d("2025-10-07"), d("2025-10-28"), null, false)));
        }));
    }

    @Test
    void episodes8815And8816And8820() {
        Consumer<ChildBuilder> twoOpen = c -> {
            ReferralBuilder later = new ReferralBuilder();
            later.date = d("2026-01-12");
            later.s47 = new ArrayList<>();
            c.referrals.add(later);
        };
        breaks("8815", twoOpen);
        breaks("8820", twoOpen);
        breaks("8816", c -> {
            ReferralBuilder later = new ReferralBuilder();
            later.date = d("2026-01-12");
            later.s47 = new ArrayList<>();
            later.closed = d("2026-02-02");
            later.reason = "RC4";
            c.referrals.add(later);
        });
        ChildBuilder twice = child();
        twice.referrals.get(0).closed = d("2025-12-01");
        twice.referrals.get(0).reason = "RC4";
        ReferralBuilder later = new ReferralBuilder();
        later.date = d("2026-01-12");
        later.s47 = new ArrayList<>();
        twice.referrals.add(later);
        List<String> found = rules(census(twice.build()));
        for (String rule : List.of("8815", "8816", "8820")) {
            assertFalse(found.contains(rule), rule + ": the earlier closed, the open one the latest");
        }
        ChildBuilder earlierNfa = child();
        ReferralBuilder nfa = new ReferralBuilder().nfa();
        nfa.date = d("2025-06-02");
        earlierNfa.referrals.add(0, nfa);
        assertFalse(rules(census(earlierNfa.build())).contains("8820"), "an NFA referral is no episode to overlap");
    }

    @Test
    void section47Dates2889And1104And8615And8715() {
        breaks("2889", referral(r -> r.s47 = new ArrayList<>(List.of(s47(d("2025-10-03"), d("2025-10-24"), d("2025-10-24"), false)))));
        breaks("1104", referral(r -> r.s47 = new ArrayList<>(List.of(s47(d("2025-10-03"), d("2025-10-24"), d("2025-10-03"), false)))));
        breaks("8615", referral(r -> r.s47 = new ArrayList<>(List.of(s47(d("2025-10-10"), d("2025-10-31"), d("2025-10-08"), false)))));
        breaks("8715", referral(r -> {
            r.date = d("2025-02-24");
            r.s47 = new ArrayList<>(List.of(s47(d("2025-02-25"), d("2025-03-18"), d("2025-03-14"), false)));
        }));
    }

    @Test
    void anEnquiryStillAwaitingItsConference8675And8740And8839And8890() {
        breaks("8675Q", referral(r -> r.s47 = new ArrayList<>(List.of(s47(d("2026-01-05"), d("2026-01-26"), null, false)))));
        ChildBuilder recent = child();
        recent.referrals.get(0).date = d("2026-03-20");
        recent.referrals.get(0).s47 = new ArrayList<>(List.of(s47(d("2026-03-23"), d("2026-04-14"), null, false)));
        List<String> found = rules(census(recent.build()));
        assertFalse(found.contains("8675Q"));
        assertFalse(found.contains("8740"));
        breaks("8740", referral(r -> {
            r.date = d("2025-03-10");
            r.s47 = new ArrayList<>(List.of(s47(d("2025-03-20"), d("2025-04-10"), null, false)));
        }));
        breaks("8839", referral(r -> r.s47 = new ArrayList<>(List.of(s47(d("2026-03-02"), d("2026-03-23"), null, false),
                s47(d("2026-03-09"), d("2026-03-30"), null, false)))));
        breaks("8890", referral(r -> r.s47 = new ArrayList<>(List.of(s47(d("2025-10-07"), d("2025-10-28"), d("2025-10-24"), false),
                s47(d("2025-10-20"), d("2025-11-10"), d("2025-11-07"), false)))));
        ChildBuilder after = child();
        after.referrals.get(0).s47.add(s47(d("2025-11-03"), d("2025-11-24"), d("2025-11-21"), false));
        assertFalse(rules(census(after.build())).contains("8890"), "the second starts after the first's ICPC");
        ChildBuilder notRequired = child();
        notRequired.referrals.get(0).s47 = new ArrayList<>(List.of(s47(d("2026-01-05"), d("2026-01-26"), null, true)));
        assertFalse(rules(census(notRequired.build())).contains("8675Q"), "no conference needed");
    }

    @Test
    void weekends8870And8875() {
        breaks("8870Q", referral(r -> r.s47 = new ArrayList<>(List.of(s47(d("2025-10-07"), d("2025-10-25"), d("2025-10-24"), false)))));
        breaks("8875", referral(r -> r.s47 = new ArrayList<>(List.of(s47(d("2025-10-07"), d("2025-10-28"), d("2025-10-25"), false)))));
    }

    @Test
    void anEnquiryWithoutAnAssessment2991() {
        breaks("2991Q", referral(r -> r.assessments = new ArrayList<>()));
        ChildBuilder noEnquiry = child();
        noEnquiry.referrals.get(0).assessments = new ArrayList<>();
        noEnquiry.referrals.get(0).s47 = new ArrayList<>();
        assertFalse(rules(census(noEnquiry.build())).contains("2991Q"));
    }
}
