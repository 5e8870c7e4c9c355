// Diagnostics as people read them: long runs of one problem folded into the
// first few and a count.
#include "base/diagnostics.h"
#include <catch2/catch.hpp>

using namespace ck;

TEST_CASE("many diagnostics of one kind in one file fold into the first few and a count", "[diagnostics]")
{
    Diagnostics diag;
    diag.Error("kiosk.json", 2, 3, "unknown key \"colour\" is ignored");
    for (int i = 0; i < 20000; i++)
        diag.Warning("fr/faq.json", 0, 0, "the question \"q-" + std::to_string(i) + "\" has no \"fr\" version");
    diag.Warning("es/faq.json", 0, 0, "the question \"q-1\" has no \"es\" version");
    const std::vector<Diagnostic> shown = FoldRepeats(diag.Items());
    REQUIRE(shown.size() == 6);
    CHECK(shown[0].file == "kiosk.json");
    CHECK(shown[1].message == "the question \"q-0\" has no \"fr\" version");
    CHECK(shown[3].message == "the question \"q-2\" has no \"fr\" version");
    CHECK(FormatDiagnostic(shown[4]) == "fr/faq.json: warning: ... and 19 997 more like the 3 above");
    CHECK(shown[5].file == "es/faq.json");
}

TEST_CASE("a few repeats, or different problems, are all shown", "[diagnostics]")
{
    Diagnostics diag;
    for (int i = 0; i < 5; i++)
        diag.Warning("a.md", i + 1, 1, "the link \"p" + std::to_string(i) + "\" goes nowhere");
    for (int i = 0; i < 6; i++)
        diag.Warning("b.md", i + 1, 1, std::string(1, char('a' + i)) + " is wrong");
    CHECK(FoldRepeats(diag.Items()).size() == 11);
}

TEST_CASE("counts are grouped in threes", "[diagnostics]")
{
    CHECK(GroupDigits(7) == "7");
    CHECK(GroupDigits(999) == "999");
    CHECK(GroupDigits(19997) == "19 997");
    CHECK(GroupDigits(1234567) == "1 234 567");
}
