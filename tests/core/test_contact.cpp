// The clinic's contact values: {{clinic.NAME}} insertion, the format checks
// of kiosk.json's "contact" block, placeholder addresses, and the phrases
// that tell a patient to call.
#include "content/clinic_contact.h"

#include <catch2/catch.hpp>

using namespace ck;

namespace {

ClinicContact Riverside()
{
    ClinicContact contact;
    contact.phone = "020 7946 0321";
    contact.emergency = "999";
    contact.hours = {{"", "Mon-Fri 9:00-17:30"}, {"es", "lun-vie 9:00-17:30"}};
    return contact;
}

} // namespace

TEST_CASE("{{clinic.NAME}} is replaced by kiosk.json's value, per language for the hours", "[contact]")
{
    Diagnostics diagnostics;
    const auto en = ClinicValues("Riverside", Riverside(), "en");
    std::vector<std::string> used;
    CHECK(ExpandClinicValues("Call {{clinic.phone}} ({{ clinic.hours }}) at {{clinic.name}}.", en, "a.md", 1, 1,
                             &diagnostics, &used)
          == "Call 020 7946 0321 (Mon-Fri 9:00-17:30) at Riverside.");
    CHECK(used == std::vector<std::string>{"phone", "hours", "name"});
    const auto es = ClinicValues("Riverside", Riverside(), "es");
    CHECK(ExpandClinicValues("{{clinic.hours}}", es, "a.md", 1, 1, &diagnostics) == "lun-vie 9:00-17:30");
    CHECK(diagnostics.Empty());
}

TEST_CASE("An unknown name or a missing value is an error at its line and column, left as written", "[contact]")
{
    Diagnostics diagnostics;
    const auto values = ClinicValues("Riverside", Riverside(), "en");
    const std::string text = "---\ntitle: x\n---\nSee   {{clinic.fax}} and\n  {{clinic.website}}.\n";
    CHECK(ExpandClinicValues(text, values, "en/pages/a.md", 1, 1, &diagnostics) == text);
    REQUIRE(diagnostics.Items().size() == 2);
    CHECK(diagnostics.Items()[0].line == 4);
    CHECK(diagnostics.Items()[0].column == 7);
    CHECK(diagnostics.Items()[0].message.find("not a value the kiosk knows") != std::string::npos);
    CHECK(diagnostics.Items()[1].line == 5);
    CHECK(diagnostics.Items()[1].column == 3);
    CHECK(diagnostics.Items()[1].message.find("add \"website\" to the \"contact\" block") != std::string::npos);
}

TEST_CASE("Braces that are not a clinic value stay text", "[contact]")
{
    Diagnostics diagnostics;
    const auto values = ClinicValues("Riverside", Riverside(), "en");
    CHECK(ExpandClinicValues("a {{b}} c {{ unclosed\n}}", values, "f", 1, 1, &diagnostics)
          == "a {{b}} c {{ unclosed\n}}");
    CHECK(diagnostics.Empty());
}

TEST_CASE("Contact formats: phone numbers and web addresses", "[contact]")
{
    CHECK(PhoneNumberProblem("020 7946 0321").empty());
    CHECK(PhoneNumberProblem("+34 (91) 123-45-67").empty());
    CHECK(PhoneNumberProblem("112").empty());
    CHECK_FALSE(PhoneNumberProblem("call reception").empty());
    CHECK_FALSE(PhoneNumberProblem("1").empty());
    CHECK_FALSE(PhoneNumberProblem("1234567890123456").empty());
    CHECK(WebsiteProblem("https://www.riverside-skin.co.uk/aftercare").empty());
    CHECK_FALSE(WebsiteProblem("www.riverside-skin.co.uk").empty());
    CHECK_FALSE(WebsiteProblem("https://").empty());
}

TEST_CASE("Placeholder addresses are recognised, real ones are not", "[contact]")
{
    for (const char* url : {"https://example.org/kiosk/en/aftercare", "http://www.example.com", "https://EXAMPLE.NET",
                            "https://clinic.example/x", "http://localhost:8080/a", "https://127.0.0.1/",
                            "https://a.invalid"})
        CHECK(IsPlaceholderAddress(url));
    for (const char* url : {"https://www.aad.org/public/cosmetic", "https://examples.org/", "https://notexample.com/",
                            "https://www.nhs.uk/"})
        CHECK_FALSE(IsPlaceholderAddress(url));
}

TEST_CASE("Telling the patient to call is recognised in English and Spanish", "[contact]")
{
    CHECK(FindContactRequest("If it gets worse, Call us straight away.", "en") == 18);
    CHECK(FindContactRequest("Si empeora, llámenos enseguida.", "es") == 12);
    CHECK(FindContactRequest("Please contact the clinic.", "en-GB") == 7);
    CHECK(FindContactRequest("Most people feel fine the next day.", "en") == std::string::npos);
    CHECK(FindContactRequest("call us", "fr") == std::string::npos);   // no list for French: never matches
}
