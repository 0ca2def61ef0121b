#!/usr/bin/env python3
"""Tests of check_data.py's milestone rule (Python 3 stdlib unittest).

  python3 data/tools/check_data_test.py
"""
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_data  # noqa: E402

PROJECTS = {"glass": "glassco", "springs": "springco", "locks": "lockco"}


def ms(project, kind, planned="", actual=""):
    return {"project": project, "kind": kind, "planned": planned, "actual": actual}


def ob(enterprise, period, value="100万", metric="output_value"):
    return {"enterprise": enterprise, "metric": metric, "period": period, "value": value,
            "_where": f"observations.csv:{enterprise}:{period}"}


MILESTONES = [
    ms("glass", "signed", actual="2020-06"),
    ms("glass", "commissioned", planned="2021-03"),          # never reported as done
    ms("springs", "commissioned", planned="2022-12", actual="2023-05"),
    ms("locks", "signed", actual="2022-01"),
    ms("locks", "commissioned", planned="2022-09", actual="2022-09"),
]


def errors(observations):
    return check_data.production_errors(PROJECTS, MILESTONES, observations, 2020)


class ProductionRule(unittest.TestCase):
    def test_output_without_an_actual_production_date_is_an_error(self):
        out = errors([ob("glassco", "2025")])
        self.assertEqual(len(out), 1)
        where, msg = out[0]
        self.assertEqual(where, "observations.csv:glassco:2025")
        for word in ("glassco", "2025", "glass", "planned 2021-03", "not started"):
            self.assertIn(word, msg)

    def test_output_before_the_actual_month_is_an_error(self):
        out = errors([ob("lockco", "2022-01~08"), ob("lockco", "2022-01~09"), ob("lockco", "2022")])
        self.assertEqual([w for w, _ in out], ["observations.csv:lockco:2022-01~08"])
        self.assertIn("locks", out[0][1])
        self.assertIn("2022-09", out[0][1])
        self.assertEqual(errors([ob("lockco", "2021")])[0][0], "observations.csv:lockco:2021")

    def test_an_enterprise_producing_in_the_base_year_is_expanding(self):
        self.assertEqual(errors([ob("springco", "2020"), ob("springco", "2021-01~06")]), [])
        # without its base-year figure the same row contradicts the milestone
        self.assertEqual(len(errors([ob("springco", "2021-01~06")])), 1)

    def test_a_base_year_cumulative_figure_does_not_count_as_producing(self):
        self.assertEqual(len(errors([ob("glassco", "2020-01~12"), ob("glassco", "2022")])), 2)

    def test_other_metrics_and_enterprises_without_projects_are_not_checked(self):
        self.assertEqual(errors([ob("glassco", "2022", "30", "employees"), ob("other", "2021")]), [])

    def test_year_only_actual_date_allows_the_whole_year(self):
        m = [ms("glass", "commissioned", actual="2021")]
        self.assertEqual(check_data.production_errors(
            PROJECTS, m, [ob("glassco", "2021-01~02")], 2020), [])
        self.assertEqual(len(check_data.production_errors(
            PROJECTS, m, [ob("glassco", "2020-01~12")], 2020)), 1)


class EmbeddedDataset(unittest.TestCase):
    def test_the_embedded_dataset_passes(self):
        r = subprocess.run([sys.executable, os.path.join(HERE, "check_data.py")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)


if __name__ == "__main__":
    unittest.main()
