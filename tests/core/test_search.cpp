// Search: how questions are matched, the word lists, and unit tests for
// the cache, prefixes, typos, stemming, synonyms, Spanish and highlights.
#include "search/search.h"
#include "search/search_words.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace ck;

namespace {

// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir()
    {
        static int counter = 0;
        path = fs::temp_directory_path() /
               ("carekiosk-search-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code error;
        fs::remove_all(path, error);
    }
};

std::shared_ptr<const Content> BundledContent()
{
    static std::shared_ptr<const Content> content = LoadContent(CAREKIOSK_SOURCE_DIR "/content").content;
    return content;
}

Document Paragraph(const std::string& text)
{
    Block block;
    block.kind = BlockKind::Paragraph;
    block.spans.push_back(Span{text});
    Document doc;
    doc.blocks.push_back(block);
    return doc;
}

FaqEntry Faq(const std::string& id, const std::string& question, const std::string& answer,
             std::vector<std::string> keywords = {})
{
    FaqEntry faq;
    faq.id = id;
    faq.question = question;
    faq.answer_markdown = answer;
    faq.answer = Paragraph(answer);
    faq.keywords = std::move(keywords);
    return faq;
}

// A small clinic: enough documents for BM25 to have something to compare.
Content SmallContent()
{
    Content content;
    content.config.languages = {"en"};
    LanguageContent en;
    en.lang = "en";
    en.faq.push_back(Faq("car-park", "Where can I leave my car?", "Use the car park behind the clinic."));
    en.faq.push_back(Faq("hurt", "Does it hurt?", "Most people feel mild discomfort."));
    en.faq.push_back(Faq("sun", "Can I go in the sun?", "Wear sunscreen every day."));
    en.faq.push_back(Faq("cost", "How much does it cost?", "Prices start at one hundred pounds."));
    content.languages.push_back(en);
    return content;
}

// Inode and modification time: a rebuilt index gets new files.
std::pair<ino_t, long long> FileIdentity(const fs::path& path)
{
    struct stat info {};
    REQUIRE(stat(path.c_str(), &info) == 0);
    return {info.st_ino, static_cast<long long>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec};
}

double MillisSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

const SearchHit* Top(const SearchResults& results)
{
    return results.no_answer || results.hits.empty() ? nullptr : &results.hits[0];
}

std::string TopId(const SearchResults& results)
{
    const SearchHit* hit = Top(results);
    return hit ? hit->id : "none";
}

// The first thing shown: a confident answer, else the first closest question.
std::string FirstShown(const SearchResults& results)
{
    if (!results.hits.empty())
        return results.hits[0].id;
    return results.related.empty() ? "none" : results.related[0].id;
}

const IndexInfo& InfoFor(const std::vector<IndexInfo>& infos, const std::string& lang)
{
    for (const IndexInfo& info : infos)
        if (info.lang == lang)
            return info;
    FAIL("no index for " << lang);
    return infos.front();
}

} // namespace

// ---------------------------------------------------------------------------
// [SECTION] Questions patients type
// ---------------------------------------------------------------------------

// The query sets are scored by bench/search/quality.py (the ctest entries
// "search quality: ..."); these check the rules behind the figures.

TEST_CASE("Natural questions patients typed get their answer first")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    CHECK(TopId(index->Search("en", "can i have a glass of wine", 5)) == "alcohol");
    CHECK(TopId(index->Search("en", "whats the numbing stuff", 5)) == "numbing");
    CHECK(TopId(index->Search("en", "when can i put my makeup back on", 5)) == "makeup-after");
    // A partial match is offered as a closest question, never hidden.
    CHECK(FirstShown(index->Search("en", "will it get rid of my wrinkles", 5)) == "wrinkles");
    CHECK(FirstShown(index->Search("en", "how many days will my face be red", 5)) == "redness");
    // Idioms from the lay word lists: "set me back" asks what it costs.
    CHECK(FirstShown(index->Search("en", "how much will it set me back", 5)) == "costs");
    CHECK(FirstShown(index->Search("en", "what creams should i stay away from", 5)) == "skincare-to-avoid");
}

TEST_CASE("Extra words lower a match's grade but never hide it")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    for (const char* query : {"numbing", "numbing stuff please", "numbing gizmo thingamajig",
                              "i was wondering about the numbing"}) {
        const SearchResults results = index->Search("en", query, 5);
        INFO(query);
        REQUIRE_FALSE(results.no_answer);
        std::vector<std::string> shown;
        for (const SearchHit& hit : results.hits)
            shown.push_back(hit.id);
        for (const SearchHit& hit : results.related)
            shown.push_back(hit.id);
        CHECK(std::find(shown.begin(), shown.end(), "numbing") != shown.end());
    }
}

// A content of FAQ entries only, in the languages given.
Content FaqContent(const std::vector<std::pair<std::string, std::vector<FaqEntry>>>& languages)
{
    Content content;
    for (const auto& [lang, entries] : languages) {
        content.config.languages.push_back(lang);
        LanguageContent language;
        language.lang = lang;
        language.faq = entries;
        content.languages.push_back(language);
    }
    return content;
}

TEST_CASE("A question's frame (is that normal, is it a problem) names no topic")
{
    const Content content = FaqContent({
        {"en",
         {Faq("flaking", "When does the flaking start?", "Flaking begins on day three and settles within a week."),
          Faq("what-is-normal", "What is normal afterwards?",
              "Warmth is normal. A normal reaction fades; if you have a problem, call us."),
          Faq("cost", "How much does it cost?", "Prices start at one hundred pounds."),
          Faq("sun", "Can I go in the sun?", "Wear sunscreen every day.")}},
        {"es",
         {Faq("descamacion", "¿Cuándo empieza la descamación?", "La descamación empieza al tercer día."),
          Faq("normal", "¿Qué es normal después?", "El calor es normal. Una reacción normal desaparece."),
          Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")}},
    });
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "my skin is flaking is that normal", 5)) == "flaking");
    CHECK(FirstShown(index->Search("en", "flaking a lot is it a problem", 5)) == "flaking");
    CHECK(FirstShown(index->Search("es", "tengo descamación es normal", 5)) == "descamacion");
    // Asked on its own, the same word is the topic.
    CHECK(FirstShown(index->Search("en", "is it normal", 5)) == "what-is-normal");
    CHECK(FirstShown(index->Search("en", "what is normal", 5)) == "what-is-normal");
}

TEST_CASE("A slip in the word that frames a question still frames it (es nomal and is that nromal)")
{
    // Read as a topic, the slipped "normal" is one more word the retinol
    // answer holds, and it outranks the answer about redness.
    const Content content = FaqContent({
        {"es",
         {Faq("rojez", "¿Cuánto dura la rojez?", "La piel roja se va en uno a tres días."),
          Faq("retinol", "¿Cuándo puedo volver a usar retinol?",
              "Si llevas dos días con la piel normal, vuelve al retinol poco a poco."),
          Faq("normal", "¿Qué es normal después?", "El calor es normal. Una reacción normal desaparece."),
          Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")}},
        {"en",
         {Faq("redness", "How long does the redness last?", "Red skin settles in one to three days."),
          Faq("retinol", "When can I use retinol again?",
              "When you have had two days of normal skin, start retinol again slowly."),
          Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")}},
    });
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    REQUIRE(FirstShown(index->Search("es", "llevo dos dias con la piel roja es normal", 5)) == "rojez");
    for (const char* query : {"llevo dos dias con la piel roja es nomal", "llevo dos dias con la piel roja es norml",
                              "llevo dos dias con la piel roja es nomal "}) {
        INFO(query);
        CHECK(FirstShown(index->Search("es", query, 5)) == "rojez");
    }
    CHECK(FirstShown(index->Search("en", "two days of red skin is that nromal", 5)) == "redness");
    // Still being typed, it may become the topic word itself.
    CHECK(FirstShown(index->Search("es", "es norm", 5)) == "normal");
    // Not after a word that leads a frame: there it is the topic, mistyped.
    CHECK(FirstShown(index->Search("es", "que es lo nomal", 5)) == "normal");
}

TEST_CASE("A slip in a word only a lay phrase has still reaches the phrase (cara coorada)")
{
    // The content never writes "colorada": only the lay phrase "cara
    // colorada" (redness) has it, so no typo fix aims at it.
    const Content content = FaqContent({
        {"es",
         {Faq("rojez", "¿Cuánto dura la rojez?", "La rojez se va en uno a tres días."),
          Faq("cara", "¿Puedo lavarme la cara?", "Sí, con agua tibia y sin frotar."),
          Faq("precio", "¿Cuánto cuesta?", "Desde cien euros."),
          Faq("sol", "¿Puedo tomar el sol?", "Usa protector solar cada día.")}},
        {"en",
         {Faq("peeling", "When does the peeling start?", "Peeling starts around day three."),
          Faq("numbing", "Do you use numbing cream?", "Yes, numbing cream goes on first."),
          Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")}},
    });
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    REQUIRE(FirstShown(index->Search("es", "tengo la cara colorada", 5)) == "rojez");
    for (const char* query : {"tengo la cara coorada", "tengo la cara coloarda ", "tengo la cara oclorada"}) {
        INFO(query);
        const SearchResults results = index->Search("es", query, 5);
        CHECK(FirstShown(results) == "rojez");
        CHECK(results.corrected_query.rfind("tengo la cara colorada", 0) == 0);
    }
    // A word of the content one slip away wins over the lay phrase: "not
    // feeling" (numbing) is also one slip from "not eeling".
    REQUIRE(FirstShown(index->Search("en", "my skin is not peeling", 5)) == "peeling");
    CHECK(FirstShown(index->Search("en", "my skin is not eeling", 5)) == "peeling");
}

TEST_CASE("A Spanish slip in a form the content lacks is fixed through its stem, a real word is not (enojecida and aparatos)")
{
    // "enojecida" is two edits from every word of the content, but its stem
    // is one from that of "enrojecimiento". "aparatos" is a real word whose
    // stem is one edit from that of "aparte": the Spanish word list knows
    // "aparato", with the same stem, so it is left as typed.
    const Content content = FaqContent({{
        "es",
        {Faq("rojez", "¿Es normal el enrojecimiento?", "El enrojecimiento dura de uno a tres días."),
         Faq("aparte", "¿El anestésico se paga aparte?", "No, va incluido en el precio."),
         Faq("brackets", "¿Puedo blanquearme con brackets?", "Espera a que te los quiten."),
         Faq("sol", "¿Puedo tomar el sol?", "Usa protector solar cada día.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults fixed = index->Search("es", "tengo la piel enojecida ", 5);
    CHECK(FirstShown(fixed) == "rojez");
    CHECK(fixed.corrected_query.rfind("tengo la piel enrojecimiento", 0) == 0);
    const SearchResults real = index->Search("es", "me quitaron los aparatos ", 5);
    CHECK(real.corrected_query.empty());
    CHECK(FirstShown(real) != "aparte");
}

TEST_CASE("One slip of the first key beats two slips after it (sduracion is duracion, not sudoracion)")
{
    const Content content = FaqContent({{
        "es",
        {Faq("duracion", "¿Cuál es la duración de la cita?", "Entre treinta y cuarenta y cinco minutos."),
         Faq("sudor", "¿Es normal la sudoración?", "Sí, sudar un poco es normal con el calor."),
         Faq("preparar", "¿Cómo es la preparación?", "Ven con la piel limpia."),
         Faq("reparar", "¿Hacéis la reparación de aparatos?", "No, solo tratamientos."),
         Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults slipped = index->Search("es", "sduracion de la cita ", 5);
    CHECK(FirstShown(slipped) == "duracion");
    CHECK(slipped.corrected_query.rfind("duracion de la cita", 0) == 0);
    // One edit either way: the fix that keeps the first letter stays.
    CHECK(index->Search("es", "rpeparacion ", 5).corrected_query.rfind("reparacion", 0) == 0);
}

TEST_CASE("A number typed against a word splits where the digits end (type 2diabetes and 3days)")
{
    const Content content = FaqContent({{
        "en",
        {Faq("diabetes", "Can I have it with diabetes?", "With type 1 or type 2 diabetes, ask your doctor first."),
         Faq("redness", "How long does the redness last?", "Most redness settles within 3 days."),
         Faq("sun", "Which sunscreen should I use?", "Use SPF 50 every day."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults diabetes = index->Search("en", "i have type 2diabetes is that ok ", 5);
    CHECK(FirstShown(diabetes) == "diabetes");
    CHECK(diabetes.corrected_query.rfind("i have type 2 diabetes is that ok", 0) == 0);
    CHECK(index->Search("en", "red for 3days ", 5).corrected_query.rfind("red for 3 days", 0) == 0);
    CHECK(index->Search("en", "spf50 ", 5).corrected_query.rfind("spf 50", 0) == 0);
    // Digits alone, or a word the content holds with its digits, stay whole.
    CHECK(index->Search("en", "type 2 diabetes", 5).corrected_query.empty());
}

TEST_CASE("didnt and don't meet did not and do not, and what happens if asks about what follows")
{
    const Content content = FaqContent({{
        "en",
        {Faq("flaking", "Why does my skin flake?", "Flaking is the old skin coming away; the flakes fall off by day seven."),
         Faq("no-flaking", "My skin did not flake. Did it work?", "Yes, it still worked."),
         Faq("during", "What happens during the treatment?", "We clean the skin and apply the solution."),
         Faq("picking", "Can I pick the flakes?", "Leave them: picking can leave marks."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds."),
         Faq("booking", "How do I book?", "Pick a time online, or pick up the phone.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    for (const char* query : {"my skin didnt flake", "my skin didn't flake", "skin did not flake"}) {
        INFO(query);
        CHECK(FirstShown(index->Search("en", query, 5)) == "no-flaking");
    }
    CHECK(FirstShown(index->Search("en", "what happens if i pick at it", 5)) == "picking");
    CHECK(FirstShown(index->Search("en", "what happens during it", 5)) == "during");
}

TEST_CASE("A word the content uses weighs its own rarity, not that of the lay words that reach it")
{
    // "workout" is in one answer; "exercise", "gym" and "sport", which the
    // shipped lay words make close to it, are in many more. Weighed as
    // common as they are, "after treatment" outweighed it.
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "workout after treatment", 5)) == "exercise-after");
    CHECK(FirstShown(index->Search("en", "exercise after treatment", 5)) == "exercise-after");
}

TEST_CASE("One word of an answer does not answer two words of the query")
{
    // The shipped lay words take both "doctor" and "nurse" to
    // "specialist": that one word holds only one of them.
    const Content content = FaqContent({{
        "en",
        {Faq("specialist", "Will I see a specialist first?", "Yes, a short chat before your first session."),
         Faq("who-treats", "Will a nurse treat me?", "Yes, or one of our dermatologists."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds."),
         Faq("parking", "Where do I park?", "Behind the building."),
         Faq("booking", "How do I book?", "Call the front desk.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults results = index->Search("en", "is it a doctor or a nurse who does it", 5);
    REQUIRE(results.hits.size() == 1);
    CHECK(results.hits[0].id == "who-treats");
    REQUIRE_FALSE(results.related.empty());
    CHECK(results.related[0].id == "specialist");
}

TEST_CASE("A lay word reaches no other word of its stem: doctor is not consultation")
{
    // "consultant" shares its stem with "consultation"; in the group of
    // "doctor" it took every question about doctors to the consultation.
    const Content content = FaqContent({{
        "en",
        {Faq("consultation", "What happens at the consultation?", "We look at your skin, talk through the risks and do a patch test; the consultation takes half an hour."),
         Faq("who-treats", "Who will carry out my treatment?", "One of our trained nurses does every session."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds."),
         Faq("booking", "How do I book?", "Call the front desk.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "is it a doctor or a nurse who does it", 5)) == "who-treats");
}

TEST_CASE("A rare word of the query outweighs two common ones a title shares (blistering after laser)")
{
    // "after" and "laser" are in most answers and in one title; "blister"
    // is in one title and one other answer. Counted again as plain typed words, the two common
    // ones outweighed the rare one that names the topic.
    const Content content = FaqContent({{
        "en",
        {Faq("frosting", "Why does my skin go white straight after the laser?", "The laser makes gas under the skin; it fades in minutes."),
         Faq("blisters", "Is it normal to get blisters?", "Small ones can come up; do not burst them."),
         Faq("shower", "Can I shower?", "Yes, the day after the laser, with cool water; pat any blister dry."),
         Faq("swim", "Can I swim?", "Not for two weeks after the laser."),
         Faq("work", "Can I go to work?", "Most people work the day after the laser."),
         Faq("exercise", "Can I exercise?", "Wait two days after the laser."),
         Faq("hurt", "Does it hurt?", "The laser feels like a snap of an elastic band; numbing cream helps."),
         Faq("sessions", "How many sessions will I need?", "Most need six to ten, six weeks apart, after the laser has been tested."),
         Faq("sun", "Should I avoid the sun?", "Yes, for four weeks after the laser."),
         Faq("cost", "How much does it cost?", "Each laser session is priced by size.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "blistering after laser", 5)) == "blisters");
    CHECK(FirstShown(index->Search("en", "white skin after laser", 5)) == "frosting");
}

TEST_CASE("A question that asks who finds the question that asks who, not one with more of its filler")
{
    const Content content = FaqContent({{
        "en",
        {Faq("who", "Who carries out the peel?", "One of our nurses, trained by our dermatologist."),
         Faq("next", "When can I do my next peel?", "Four weeks after the last one."),
         Faq("cost", "How much does a peel cost?", "Prices start at eighty pounds."),
         Faq("hurt", "Does the peel hurt?", "It stings for a few minutes."),
         Faq("parking", "Where do I park?", "Behind the building.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "who will do my peel", 5)) == "who");
    CHECK(FirstShown(index->Search("en", "when will i do my next one", 5)) == "next");
    CHECK(FirstShown(index->Search("en", "how much is a peel", 5)) == "cost");
}

TEST_CASE("Two typed words meet the one word the content writes (skin care, skincare)")
{
    const Content content = FaqContent({{
        "en",
        {Faq("skincare", "When can I go back to my usual skincare?", "After a week, starting with a gentle cleanser."),
         Faq("aftercare", "Which aftercare products should I use?", "The moisturiser we give you, twice a day."),
         Faq("skin", "Why is my skin dry?", "Dry skin is normal; take care not to rub it."),
         Faq("cream", "Which sun cream?", "Any sunscreen of factor 30 or more; take care to reapply it."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "skin care", 5)) == "skincare");
    CHECK(FirstShown(index->Search("en", "after care products ", 5)) == "aftercare");
    CHECK(FirstShown(index->Search("en", "can i use my skin care again", 5)) == "skincare");
    // Each word alone still means itself.
    CHECK(FirstShown(index->Search("en", "dry skin", 5)) == "skin");
}

TEST_CASE("Every form of a filler verb is filler: putting is put")
{
    // "putting" is in one answer only: as a topic word it weighed as much
    // as "sun", and the answer that puts on a numbing cream came first.
    const Content content = FaqContent({{
        "en",
        {Faq("numbing", "Can I use a numbing cream?", "Yes, putting it on at home an hour before."),
         Faq("sun", "What about going outdoors?", "Use a sun cream of SPF 50 every day."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "should i be putting sun cream on it", 5)) == "sun");
}

TEST_CASE("A comparative reaches the lay words of its base word: cheaper is cheap")
{
    // The stemmer leaves "cheaper" whole and no list names it, while "cheap"
    // is a lay word for price. A word the dictionary lists itself keeps to
    // its own lay words: "number" is not "numb" with -er.
    const Content content = FaqContent({{
        "en",
        {Faq("cost", "How much does it cost?", "Prices start at one hundred pounds."),
         Faq("numbing", "Is there a numbing cream?", "Yes, we put it on half an hour before."),
         Faq("sessions", "How many sessions will I need?", "Most people need three to six."),
         Faq("sun", "What about going outdoors?", "Use a sun cream of SPF 50 every day.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "is it cheaper in winter", 5)) == "cost");
    CHECK(FirstShown(index->Search("en", "number of sessions", 5)) == "sessions");
}

TEST_CASE("A word inside a lay phrase of another meaning is not that word")
{
    // "sore" is pain, but the "sores" of "cold sores" are not; "blood" in
    // "blood thinners" names a medicine, not bleeding.
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "is it sore", 5)) == "does-it-hurt");
    CHECK(FirstShown(index->Search("en", "ouch", 5)) == "does-it-hurt");
    CHECK(FirstShown(index->Search("en", "blood", 5)) == "bleeding");
    // The phrase itself, whole, being typed or mistyped, still finds it.
    CHECK(TopId(index->Search("en", "cold sores", 5)) == "cold-sores");
    CHECK(FirstShown(index->Search("en", "cold so", 5)) == "cold-sores");
    CHECK(FirstShown(index->Search("en", "cold sorse", 5)) == "cold-sores");
    CHECK(FirstShown(index->Search("en", "blood thinners", 5)) == "blood-thinners");
    // A word the content has only inside such a phrase still suggests it.
    CHECK(FirstShown(index->Search("en", "cold", 5)) == "cold-sores");
}

TEST_CASE("A word held only inside a phrase of another meaning still makes a closest question")
{
    // "soars" is a word, so it is not fixed, and WordNet takes it to "lift":
    // "cold" inside "cold sores" must still be enough to suggest them.
    const Content content = FaqContent({{
        "en",
        {Faq("cold-sores", "I get cold sores. Can I still have a peel?", "Tell us first; we may suggest a tablet."),
         Faq("driving", "Can I drive home?", "Better to ask someone for a lift."),
         Faq("swelling", "Will my face swell?", "A little; a cold compress helps."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "cold soars", 5)) == "cold-sores");
}

TEST_CASE("A clause saying when after the topic weighs less than the topic")
{
    // "acid" is the rarer word, but the question is whether it hurts.
    const Content content = FaqContent({{
        "en",
        {Faq("hurt", "Does it hurt?", "You may feel stinging for a few minutes."),
         Faq("acids", "When can I use acid products again?", "After a week, once the skin has healed."),
         Faq("cost", "How much does it cost?", "Prices are fair and will not hurt your budget.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "will it hurt a lot when you put the acid on", 5)) == "hurt");
    // A question that starts with "when" asks when: nothing is a clause.
    CHECK(FirstShown(index->Search("en", "when can i put acid on again", 5)) == "acids");
    CHECK(FirstShown(index->Search("en", "acid when it hurts", 5)) == "acids");
}

TEST_CASE("Spanish filler (necesito saber, quisiera, por favor) names no topic")
{
    const Content content = FaqContent({{
        "es",
        {Faq("medico", "¿Qué necesita saber el médico?", "El médico necesita saber qué medicamentos toma."),
         Faq("ducha", "¿Cuándo puedo ducharme?", "Puede ducharse al día siguiente."),
         Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "necesito saber cuando puedo ducharme", 5)) == "ducha");
    CHECK(FirstShown(index->Search("es", "quisiera saber el precio por favor", 5)) == "precio");
}

TEST_CASE("Spanish salir of what appears names no topic: me sale and me han salido")
{
    const Content content = FaqContent({{
        "es",
        {Faq("herpes", "¿Y si me sale un herpes?", "Avísenos antes de la sesión."),
         Faq("sangrado", "¿Voy a sangrar?", "Puede aparecer algo de sangre, que para enseguida."),
         Faq("granos", "¿Es normal tener granitos después?", "Sí, durante uno o dos días."),
         Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "sale sangre", 5)) == "sangrado");
    CHECK(FirstShown(index->Search("es", "me han salido granitos", 5)) == "granos");
}

TEST_CASE("Beforehand weighs no more than before: when is not what")
{
    // The content writes "before" in most questions and "beforehand" once:
    // as rare as "shave", "beforehand" made a question about eating the
    // answer to one about shaving.
    const Content content = FaqContent({
        {"en",
         {Faq("eating", "Can I eat beforehand?", "Yes, a light meal is best."),
          Faq("preparing", "Should I shave before treatment?", "Yes, the night before, with a clean razor."),
          Faq("makeup", "Can I wear make-up before treatment?", "Come with clean skin."),
          Faq("sun", "Can I go in the sun before treatment?", "Avoid a tan for two weeks."),
          Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")}},
        {"es",
         {Faq("comer", "¿Puedo comer previamente?", "Sí, algo ligero."),
          Faq("preparar", "¿Debo afeitar la zona antes del tratamiento?", "Sí, la noche antes, con una cuchilla limpia."),
          Faq("maquillaje", "¿Puedo maquillarme antes del tratamiento?", "Venga con la piel limpia."),
          Faq("sol", "¿Puedo tomar el sol antes del tratamiento?", "Evite broncearse dos semanas."),
          Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")}},
    });
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "shave beforehand", 5)) == "preparing");
    CHECK(FirstShown(index->Search("es", "afeitar previamente", 5)) == "preparar");
    // Still a word of the question: it picks among answers on one topic.
    CHECK(FirstShown(index->Search("en", "eat beforehand", 5)) == "eating");
}

TEST_CASE("A part of the body weighs no more than the content's most common one: the symptom is the topic")
{
    // "red" is in three answers, "face" in one title and "skin" in all:
    // weighed by its own rarity, "face" made "red face" a question about
    // washing.
    const Content content = FaqContent({
        {"en",
         {Faq("washing", "How do I wash my face?", "Use lukewarm water and pat your skin dry."),
          Faq("redness", "How long does redness last?", "Your skin settles in two or three days."),
          Faq("sun", "Can I go in the sun?", "Protect your skin with sunscreen; red skin burns."),
          Faq("makeup", "When can I wear make-up?", "When your skin is no longer red."),
          Faq("cost", "How much does it cost?", "A course for your skin starts at one hundred pounds.")}},
        {"es",
         {Faq("lavado", "¿Cómo me lavo la cara?", "Con agua tibia; seque la piel con suavidad."),
          Faq("rojez", "¿Cuánto dura la rojez?", "La piel se calma en dos o tres días."),
          Faq("sol", "¿Puedo tomar el sol?", "Proteja la piel; la piel roja se quema."),
          Faq("maquillaje", "¿Cuándo puedo maquillarme?", "Cuando la piel ya no esté roja."),
          Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")}},
    });
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "red face", 5)) == "redness");
    CHECK(FirstShown(index->Search("es", "cara roja", 5)) == "rojez");
    // Asked about, the part of the body still finds its answer.
    CHECK(FirstShown(index->Search("en", "wash my face", 5)) == "washing");
    CHECK(FirstShown(index->Search("es", "lavar la cara", 5)) == "lavado");
}

TEST_CASE("Words of degree, time and pointing name no topic (badly, last year, esta noche, eso)")
{
    const Content content = FaqContent({
        {"en",
         {Faq("hurt", "Does it hurt?", "Most people feel a mild sting for a few minutes."),
          Faq("expect", "What should I expect after?", "Your skin may sting and look bad for a day."),
          Faq("isotretinoin", "I have taken isotretinoin for acne.", "Wait six months after Roaccutane."),
          Faq("results-last", "How long do results last?", "About a year; a peel every year keeps them."),
          Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")}},
        {"es",
         {Faq("sauna", "¿Cuándo puedo volver a la sauna?", "Tras dos días."),
          Faq("noche", "¿Qué hago la primera noche?", "Duerma boca arriba; nada de sauna."),
          Faq("que-es", "¿Qué es el microneedling?", "Un tratamiento con agujas finas."),
          Faq("resultados", "¿Cuándo veré el resultado?", "Eso depende: exactamente cuatro semanas del microneedling."),
          Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")}},
    });
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "is it going to sting really badly", 5)) == "hurt");
    CHECK(FirstShown(index->Search("en", "i was on roaccutane last year can i have a peel", 5)) == "isotretinoin");
    CHECK(FirstShown(index->Search("es", "puedo ir a la sauna esta noche", 5)) == "sauna");
    CHECK(FirstShown(index->Search("es", "fui a la sauna la noche pasada", 5)) == "sauna");
    CHECK(FirstShown(index->Search("es", "que es exactamente eso del microneedling", 5)) == "que-es");
    // On their own, or asking how long, the same words are the topic.
    CHECK(FirstShown(index->Search("en", "how long do results last", 5)) == "results-last");
    CHECK(FirstShown(index->Search("es", "primera noche", 5)) == "noche");
}

TEST_CASE("Spanish verbs of doing, having and being name no topic (hago, tengo que estar)")
{
    // "hago" is in one title: as a word of the question it sent "qué hago
    // para pedir cita" to the question that uses it.
    const Content content = FaqContent({{
        "es",
        {Faq("antes", "¿Qué hago antes de venir?", "Venga con la cara limpia y sin maquillaje."),
         Faq("cita", "¿Cómo pido cita?", "Llame a recepción o escríbanos."),
         Faq("sala", "¿Cuánto tiempo estaré en la sala?", "Unos cuarenta minutos en total."),
         Faq("sol", "¿Puedo tomar el sol?", "Use protector solar todos los días."),
         Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "que hago para pedir cita", 5)) == "cita");
    CHECK(FirstShown(index->Search("es", "cuanto tiempo tengo que estar en la sala", 5)) == "sala");
}

TEST_CASE("A word whose stem is a stop word's is matched as typed (comer is not como)")
{
    // Spanish stems "comer" and "como" alike: "comer" found every "¿Cómo...?".
    const Content content = FaqContent({{
        "es",
        {Faq("lavado", "¿Cómo me lavo la cara?", "Con agua tibia y un limpiador suave."),
         Faq("cita", "¿Cómo pido cita?", "Llame a recepción o escríbanos."),
         Faq("dieta", "¿Hay alimentos prohibidos después?", "Puede comer de todo desde el primer día."),
         Faq("sol", "¿Puedo tomar el sol?", "Use protector solar todos los días."),
         Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "que puedo comer", 5)) == "dieta");
    // The stop word itself is still filler, and "cómo" still finds titles.
    CHECK(FirstShown(index->Search("es", "como me lavo la cara", 5)) == "lavado");
}

TEST_CASE("Longer words of the content that start like a typed word's stem are its forms (proteger, proteccion)")
{
    // The Spanish stemmer keeps "proteger" ("proteg") apart from
    // "protección" ("proteccion"); only the answer that says "protegemos"
    // held it.
    const Content content = FaqContent({{
        "es",
        {Faq("proteccion", "¿Cómo es la protección de las encías?", "Cubrimos el borde con una resina."),
         Faq("sesion", "¿Se tocan las encías en la sesión?", "Primero protegemos las encías y luego aplicamos el gel."),
         Faq("sensibilidad", "¿Es normal la sensibilidad?", "Sí, durante uno o dos días."),
         Faq("sol", "¿Puedo tomar el sol?", "Use protector solar todos los días."),
         Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "proteger las encias", 5)) == "proteccion");
    CHECK(FirstShown(index->Search("es", "dientes sensibles", 5)) == "sensibilidad");
}

TEST_CASE("An FAQ entry's id names its topic where the question does not")
{
    const Content content = FaqContent({{
        "en",
        {Faq("frosting", "Why does my skin go white straight after?", "It is normal and fades within minutes."),
         Faq("side-effects", "What are the usual side effects?", "Redness, swelling, frosting and itching."),
         Faq("sun", "Can I go in the sun?", "Wear sunscreen every day."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "frosting", 5)) == "frosting");
    // Snippets still come from what a patient can read.
    const SearchResults results = index->Search("en", "frosting", 5);
    REQUIRE(!results.hits.empty());
    CHECK(results.hits[0].snippet.find("frosting") == std::string::npos);
}

TEST_CASE("Shipped lay words: ageing skin is not a minimum age, afterwards is after")
{
    // Stemmed, "ageing" is "age": as a lay word for wrinkles it sent
    // questions about fine lines to the age limit.
    const Content content = FaqContent({{
        "en",
        {Faq("age-limit", "Is there a minimum age for a peel?", "You must be 18 or over."),
         Faq("what-it-treats", "What can a peel help with?", "Fine lines, uneven tone and marks left by acne."),
         Faq("sun", "Do I need sun cream after a peel?", "Yes, factor 50 every day for a month."),
         Faq("driving", "Can I drive home afterwards?", "Yes, you will be wide awake."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "can you get rid of fine lines with a peel", 5)) == "what-it-treats");
    CHECK(FirstShown(index->Search("en", "how old do i have to be", 5)) == "age-limit");
    CHECK(FirstShown(index->Search("en", "spf afterwards", 5)) == "sun");
}

TEST_CASE("Shipped lay words: booking is making an appointment, reservar is pedir cita")
{
    const Content content = FaqContent({
        {"en",
         {Faq("booking", "How do I book?", "Ring reception or use our website."),
          Faq("sessions", "How many appointments will I need?", "Most people need three."),
          Faq("sun", "Can I go in the sun?", "Wear sunscreen every day."),
          Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")}},
        {"es",
         {Faq("pedir-cita", "¿Cómo pido cita?", "Llame a recepción o escríbanos."),
          Faq("sesiones", "¿Cuántas sesiones necesito?", "La mayoría necesita tres."),
          Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")}},
    });
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "how do i make an appointment", 5)) == "booking");
    CHECK(FirstShown(index->Search("es", "quiero reservar hora", 5)) == "pedir-cita");
}

TEST_CASE("A word being typed completes to the words of titles first")
{
    // Thirteen words starting "co" are in every answer; "cost" is in one
    // title. Completing by frequency alone never reached it.
    std::vector<FaqEntry> faq;
    for (int i = 0; i < 6; i++)
        faq.push_back(Faq("topic-" + std::to_string(i), "Question number " + std::to_string(i) + "?",
                          "Come cool, of course: colour, common contact, combined collagen, consent, complete "
                          "comfort, condition and cover."));
    faq.push_back(Faq("cost", "How much does it cost?", "Prices start at one hundred pounds."));
    const auto index = SearchIndex::Open(FaqContent({{"en", faq}}), {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "how much does it co", 5)) == "cost");
}

TEST_CASE("Every word of a longer query may carry a typo")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    const SearchResults sores = index->Search("en", "cold sors", 5);
    CHECK(TopId(sores) == "cold-sores");
    CHECK(sores.corrected_query == "cold sore");
    CHECK(index->Search("en", "micronedling", 5).corrected_query == "microneedling");
}

TEST_CASE("Two words run together split when one is a dictionary word the content lacks (painlevel)")
{
    const Content content = FaqContent({{
        "en",
        {Faq("pain", "Does it hurt?", "Most people feel some pain, like a scratch."),
         Faq("aftercare", "What aftercare do I need?", "Keep the area clean for two days."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "painlevel", 5)) == "pain");
    CHECK(FirstShown(index->Search("en", "aftercareinstructions", 5)) == "aftercare");
}

TEST_CASE("Two Spanish words run together split by the stems the content holds (cremasprohibidas)")
{
    const Content content = FaqContent({{
        "es",
        {Faq("crema", "¿Qué crema está prohibida después?", "Evite el retinol y los ácidos dos días."),
         Faq("dolor", "¿Duele?", "Se nota un pinchazo leve."),
         Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults results = index->Search("es", "cremasprohibidas", 5);
    CHECK(FirstShown(results) == "crema");
    CHECK(results.corrected_query == "cremas prohibidas");
}

TEST_CASE("Two filler words run together are no slip of a first letter (isit safe is not visit safe)")
{
    const Content content = FaqContent({{
        "en",
        {Faq("safe", "Is it safe?", "Yes, when done by a trained practitioner."),
         Faq("visit", "How long is each visit?", "About an hour, most of it waiting for the cream."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "isit safe", 5)) == "safe");
    CHECK(index->Search("en", "isit safe", 5).corrected_query == "is it safe");
    // A one-letter slip on a topic word is still fixed, not split.
    CHECK(FirstShown(index->Search("en", "orice", 5)) == "cost");
}

TEST_CASE("A slip that makes another real word is fixed by its neighbour (sun pots is sun spots)")
{
    const Content content = FaqContent({{
        "en",
        {Faq("spots", "Can it fade sun spots?", "Sun spots and age spots fade over a course."),
         Faq("lines", "Does it help fine lines?", "Fine lines soften after two or three sessions."),
         Faq("slots", "Are there evening slots?", "Evening slots open on the first of each month."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults pots = index->Search("en", "sun pots", 5);
    CHECK(pots.corrected_query == "sun spots");
    CHECK(FirstShown(pots) == "spots");
    CHECK(FirstShown(index->Search("en", "will it get rid of fine lies", 5)) == "lines");
    // A word the content uses is left as typed, beside any neighbour.
    CHECK(index->Search("en", "sun slots", 5).corrected_query.empty());
    CHECK(index->Search("en", "sun spots", 5).corrected_query.empty());
}

TEST_CASE("A slip that leaves a dictionary word plus an ending is still fixed (brising is bruising)")
{
    // "brising" is "bris" + "ing" and "poes" is "po" + "es" to WordNet's
    // base forms, but neither is a word anyone writes.
    const Content content = FaqContent({{
        "en",
        {Faq("bruising", "Will I bruise?", "Some bruising is common for a few days."),
         Faq("pores", "Will it shrink my pores?", "Pores can look smaller after a course."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults brising = index->Search("en", "brising", 5);
    CHECK(TopId(brising) == "bruising");
    CHECK(brising.corrected_query == "bruising");
    CHECK(TopId(index->Search("en", "poes", 5)) == "pores");
    // A real word the content lacks is still left alone.
    CHECK(index->Search("en", "bristling", 5).corrected_query.empty());
}

TEST_CASE("WordNet's word forms and broader terms reach the content's words")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    CHECK(TopId(index->Search("en", "reddened skin", 5)) == "redness");
    const std::string paying = TopId(index->Search("en", "paying", 5));
    CHECK((paying == "costs" || paying == "sessions-and-costs"));
    // Without the shipped word lists, the same query finds less: the
    // expansions come from them, not from the content.
    SearchOptions bare{"", false, "/nonexistent"};
    Diagnostics diagnostics;
    const auto without = SearchIndex::Open(*BundledContent(), bare, &diagnostics);
    CHECK(without->Search("en", "can i have a glass of wine", 5).hits.empty());
    CHECK_FALSE(diagnostics.Items().empty());
}

TEST_CASE("A base form typed finds the content's inflections of it (dark skin, darker skin)")
{
    const Content content = FaqContent({{
        "en",
        {Faq("darker", "Is it safe for darker skin?", "Yes, with settings chosen for your skin type."),
         Faq("sun", "How do I protect my skin from the sun?", "Wear a factor 50 cream for four weeks."),
         Faq("dry", "Why is my skin dry?", "Dry skin is normal for a few days; moisturise twice a day."),
         Faq("hair", "Will it remove dark hairs?", "Only tattoo ink is targeted."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "dark skin", 5)) == "darker");
    CHECK(FirstShown(index->Search("en", "dark hair", 5)) == "hair");
}

TEST_CASE("A singular typed finds the content's irregular plural (foot and feet, tooth and teeth)")
{
    const Content content = FaqContent({{
        "en",
        {Faq("where", "Does it matter where the tattoo is?", "Ankles and feet fade more slowly than the chest."),
         Faq("sensitive", "Will my teeth be sensitive?", "Some people feel a twinge for a day or two."),
         Faq("shoes", "What should I wear?", "Loose clothes and flat shoes."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "on my foot", 5)) == "where");
    CHECK(FirstShown(index->Search("en", "a tooth", 5)) == "sensitive");
}

// ---------------------------------------------------------------------------
// [SECTION] Word lists
// ---------------------------------------------------------------------------

TEST_CASE("The word table finds every line of a sorted file by binary search")
{
    TempDir dir;
    const std::string path = (dir.path / "table.tsv").string();
    {
        std::ofstream out(path);
        out << "# header\n";
        out << "alpha\tone|two\t\tbroad\n";
        out << "beta\t\tform\t\n";
        out << "cold sore\therpes\t\t\n";
        out << "zeta\tlast\t\t\n";
    }
    std::string problem;
    const auto table = search_detail::WordTable::Open(path, &problem);
    REQUIRE(table);
    CHECK(problem.empty());
    CHECK(table->Related("alpha", search_detail::WordTable::Synonyms) == std::vector<std::string>{"one", "two"});
    CHECK(table->Related("alpha", search_detail::WordTable::Broader) == std::vector<std::string>{"broad"});
    CHECK(table->Related("beta", search_detail::WordTable::Forms) == std::vector<std::string>{"form"});
    CHECK(table->Related("cold sore", search_detail::WordTable::Synonyms) == std::vector<std::string>{"herpes"});
    CHECK(table->Related("zeta", search_detail::WordTable::Synonyms) == std::vector<std::string>{"last"});
    for (const char* absent : {"", "aaa", "alph", "alphas", "gamma", "zz", "# header"})
        CHECK_FALSE(table->Contains(absent));
    CHECK_FALSE(search_detail::WordTable::Open((dir.path / "missing.tsv").string(), &problem));
    CHECK_FALSE(problem.empty());
}

TEST_CASE("The word table walks the words starting with a prefix, in order, until told to stop")
{
    TempDir dir;
    const std::string path = (dir.path / "words.txt").string();
    std::ofstream(path) << "# header\napar\naparato\naparcar\naparecer\napartar\nbeso\n";
    std::string problem;
    const auto table = search_detail::WordTable::Open(path, &problem);
    REQUIRE(table);
    auto starting = [&](const std::string& prefix, size_t most) {
        std::vector<std::string> seen;
        table->ForEachStartingWith(prefix, [&](std::string_view word) {
            seen.emplace_back(word);
            return seen.size() < most;
        });
        return seen;
    };
    CHECK(starting("aparc", 10) == std::vector<std::string>{"aparcar"});
    CHECK(starting("apar", 10) == std::vector<std::string>{"apar", "aparato", "aparcar", "aparecer", "apartar"});
    CHECK(starting("apar", 2) == std::vector<std::string>{"apar", "aparato"});
    CHECK(starting("b", 10) == std::vector<std::string>{"beso"});
    CHECK(starting("a", 1) == std::vector<std::string>{"apar"});
    for (const char* none : {"", "aq", "aparatos", "c", "#"})
        CHECK(starting(none, 10).empty());
}

TEST_CASE("A broken lay word list is reported and ignored")
{
    TempDir dir;
    fs::create_directories(dir.path / "search");
    std::ofstream(dir.path / "search" / "lay_terms_en.json") << "{\"groups\": [[\"a\", \"b\"],]}";
    std::ofstream(dir.path / "search" / "lay_terms_es.json") << "{\"groups\": [[\"Dolor\", \"duele\"]], "
                                                                 "\"means\": {\"tripa\": [\"abdomen\"]}}";
    std::string problem;
    CHECK(search_detail::LoadLayTerms(dir.path.string(), "en", &problem).empty());
    CHECK(problem.find("not valid JSON") != std::string::npos);
    problem.clear();
    const auto spanish = search_detail::LoadLayTerms(dir.path.string(), "es-MX", &problem);
    CHECK(problem.empty());
    CHECK(spanish.at("dolor") == std::vector<std::string>{"duele"});
    CHECK(spanish.at("tripa") == std::vector<std::string>{"abdomen"});
    problem.clear();
    CHECK(search_detail::LoadLayTerms(dir.path.string(), "fr", &problem).empty());
    CHECK(problem.empty());   // no list for a language is not a problem
}

// ---------------------------------------------------------------------------
// [SECTION] Cache
// ---------------------------------------------------------------------------

TEST_CASE("The second open uses the cached index and does not re-index")
{
    TempDir cache;
    const SearchOptions options{cache.path.string(), true};
    const auto first = SearchIndex::Open(*BundledContent(), options, nullptr);
    const IndexInfo built = InfoFor(first->Info(), "en");
    CHECK(built.state == IndexState::Rebuilt);
    CHECK(built.size_bytes > 0);
    CHECK(fs::is_directory(built.path));
    const auto modified = fs::last_write_time(fs::path(built.path) / "docdata.glass");
    const auto identity = FileIdentity(fs::path(built.path) / "postlist.glass");

    const auto second = SearchIndex::Open(*BundledContent(), options, nullptr);
    const IndexInfo reopened = InfoFor(second->Info(), "en");
    CHECK(reopened.state == IndexState::Cached);
    CHECK(reopened.path == built.path);
    CHECK(reopened.content_hash == built.content_hash);
    CHECK(fs::last_write_time(fs::path(built.path) / "docdata.glass") == modified);
    CHECK(FileIdentity(fs::path(built.path) / "postlist.glass") == identity);   // the same file, not rewritten
    CHECK(TopId(second->Search("en", "does it hurt", 5)) == "does-it-hurt");

    // A third open of the same content is cached too, for every language.
    const auto third = SearchIndex::Open(*BundledContent(), options, nullptr);
    for (const IndexInfo& info : third->Info())
        CHECK(info.state == IndexState::Cached);
    CHECK(FileIdentity(fs::path(built.path) / "postlist.glass") == identity);
}

TEST_CASE("Every indexed field is part of the cache key")
{
    TempDir cache;
    const SearchOptions options{cache.path.string(), true};
    Content base = SmallContent();
    Page page;
    page.id = "parking";
    page.title = "Parking";
    page.summary = "Where to park";
    Block list;
    list.kind = BlockKind::List;
    Block item;
    item.kind = BlockKind::ListItem;
    item.children.push_back(Paragraph("The car park is behind the clinic.").blocks[0]);
    list.children.push_back(item);
    page.doc.blocks.push_back(list);
    Block image;
    image.kind = BlockKind::Image;
    image.alt = "A map of the car park";
    page.doc.blocks.push_back(image);
    base.languages[0].pages.push_back(page);
    const std::string base_hash = InfoFor(SearchIndex::Open(base, options, nullptr)->Info(), "en").content_hash;

    // The same content again: same key, nothing rebuilt.
    const IndexInfo same = InfoFor(SearchIndex::Open(base, options, nullptr)->Info(), "en");
    CHECK(same.state == IndexState::Cached);
    CHECK(same.content_hash == base_hash);

    using Edit = void (*)(LanguageContent&);
    const std::pair<const char*, Edit> edits[] = {
        {"a word deep in a list", [](LanguageContent& l) {
             l.pages[0].doc.blocks[0].children[0].children[0].spans[0].text = "The car park is beside the clinic.";
         }},
        {"an image's alternative text", [](LanguageContent& l) { l.pages[0].doc.blocks[1].alt = "A map"; }},
        {"a page summary", [](LanguageContent& l) { l.pages[0].summary = "Parking spaces"; }},
        {"a FAQ keyword", [](LanguageContent& l) { l.faq[0].keywords.push_back("bicycle"); }},
        {"a FAQ answer", [](LanguageContent& l) { l.faq[1].answer = Paragraph("A little."); }},
        {"text moved between fields", [](LanguageContent& l) {
             l.pages[0].title = "Parking Where to park";
             l.pages[0].summary = "";
         }},
        {"a page id", [](LanguageContent& l) { l.pages[0].id = "car-parking"; }},
    };
    for (const auto& [what, edit] : edits) {
        INFO(what);
        Content changed = base;
        edit(changed.languages[0]);
        const IndexInfo info = InfoFor(SearchIndex::Open(changed, options, nullptr)->Info(), "en");
        CHECK(info.state == IndexState::Rebuilt);
        CHECK(info.content_hash != base_hash);
    }
}

TEST_CASE("Changed content builds a new index and deletes the stale one")
{
    TempDir cache;
    const SearchOptions options{cache.path.string(), true};
    Content content = SmallContent();
    const auto first = SearchIndex::Open(content, options, nullptr);
    const IndexInfo old_info = InfoFor(first->Info(), "en");

    content.languages[0].faq[0].question = "Where can I park my bicycle?";
    const auto second = SearchIndex::Open(content, options, nullptr);
    const IndexInfo new_info = InfoFor(second->Info(), "en");
    CHECK(new_info.state == IndexState::Rebuilt);
    CHECK(new_info.content_hash != old_info.content_hash);
    CHECK_FALSE(fs::exists(old_info.path));
    int entries = 0;
    for (const auto& entry : fs::directory_iterator(cache.path))
        entries += entry.path().filename().string().rfind("en.", 0) == 0;
    CHECK(entries == 1);
    CHECK(TopId(second->Search("en", "bicycle", 5)) == "car-park");
}

TEST_CASE("A corrupt cached index is rebuilt")
{
    TempDir cache;
    const SearchOptions options{cache.path.string(), true};
    const Content content = SmallContent();
    const std::string path = InfoFor(SearchIndex::Open(content, options, nullptr)->Info(), "en").path;
    for (const auto& entry : fs::directory_iterator(path)) {
        std::ofstream garbage(entry.path(), std::ios::trunc | std::ios::binary);
        garbage << "not a xapian table";
    }
    Diagnostics diagnostics;
    const auto index = SearchIndex::Open(content, options, &diagnostics);
    CHECK(InfoFor(index->Info(), "en").state == IndexState::Rebuilt);
    CHECK(diagnostics.WarningCount() >= 1);
    CHECK(TopId(index->Search("en", "sunscreen", 5)) == "sun");
}

TEST_CASE("A cached index with a missing table or a stray temporary directory is rebuilt and tidied")
{
    TempDir cache;
    const SearchOptions options{cache.path.string(), true};
    const Content content = SmallContent();
    const std::string path = InfoFor(SearchIndex::Open(content, options, nullptr)->Info(), "en").path;
    REQUIRE(fs::remove(fs::path(path) / "postlist.glass"));
    // What a crash in the middle of a build leaves behind (a process id no
    // system hands out).
    const fs::path stray = path + ".tmp-2147483646-0";
    fs::create_directories(stray);
    std::ofstream(stray / "half-written") << "x";

    Diagnostics diagnostics;
    const auto index = SearchIndex::Open(content, options, &diagnostics);
    const IndexInfo info = InfoFor(index->Info(), "en");
    CHECK(info.state == IndexState::Rebuilt);
    CHECK(info.path == path);
    CHECK(fs::exists(fs::path(path) / "postlist.glass"));
    CHECK_FALSE(fs::exists(stray));
    CHECK(diagnostics.WarningCount() >= 1);
    CHECK(TopId(index->Search("en", "does it hurt", 5)) == "hurt");
    // And the rebuilt index is reused next time.
    CHECK(InfoFor(SearchIndex::Open(content, options, nullptr)->Info(), "en").state == IndexState::Cached);
}

TEST_CASE("Tidying the cache leaves alone the builds of processes that are running")
{
    TempDir cache;
    const SearchOptions options{cache.path.string(), true};
    Content content = SmallContent();
    const std::string path = InfoFor(SearchIndex::Open(content, options, nullptr)->Info(), "en").path;
    // A build of this process still writing (a second reload came quickly),
    // one of another running process (pid 1 is always there), a dead one's.
    const fs::path mine = path + ".tmp-" + std::to_string(getpid()) + "-77";
    const fs::path other = path + ".tmp-1-3";
    const fs::path dead = path + ".tmp-2147483646-5";
    for (const fs::path& dir : {mine, other, dead}) {
        fs::create_directories(dir);
        std::ofstream(dir / "postlist.glass") << "being written";
    }
    content.languages[0].faq[0].question = "Where can I park my bicycle?";   // a new index, then a tidy-up
    const auto index = SearchIndex::Open(content, options, nullptr);
    CHECK(InfoFor(index->Info(), "en").state == IndexState::Rebuilt);
    CHECK(fs::exists(mine / "postlist.glass"));
    CHECK(fs::exists(other / "postlist.glass"));
    CHECK_FALSE(fs::exists(dead));
    CHECK_FALSE(fs::exists(path));
}

TEST_CASE("An unwritable cache directory falls back to an index in memory")
{
    TempDir dir;
    const fs::path file = dir.path / "a-file";
    std::ofstream(file) << "x";
    Diagnostics diagnostics;
    // A directory cannot be created below a regular file, even by root.
    const auto index = SearchIndex::Open(SmallContent(), {(file / "cache").string(), true}, &diagnostics);
    const IndexInfo info = InfoFor(index->Info(), "en");
    CHECK(info.state == IndexState::InMemory);
    CHECK(info.path.empty());
    CHECK(diagnostics.WarningCount() >= 1);
    const SearchResults results = index->Search("en", "sunscren", 5);
    CHECK(TopId(results) == "sun");
    CHECK(results.corrected_query == "sunscreen");
}

// ---------------------------------------------------------------------------
// [SECTION] Query handling
// ---------------------------------------------------------------------------

TEST_CASE("The last word is a prefix while typing")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    CHECK(TopId(index->Search("en", "sunscr", 5)) == "sun-after");
    CHECK(TopId(index->Search("en", "breastf", 5)) == "breastfeeding");
    CHECK(TopId(index->Search("en", "can i go to the gy", 5)) == "exercise-after");
    // A finished word (trailing space) is not a prefix: two letters are
    // too short to stand for an abbreviation.
    CHECK(TopId(index->Search("en", "can i go to the gy ", 5)) == "none");
}

TEST_CASE("A word being typed with a slip in it still completes (alcho, pregan)")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    const SearchResults alcho = index->Search("en", "alcho", 5);
    CHECK(FirstShown(alcho) == "alcohol");
    CHECK(alcho.corrected_query.empty());   // still being typed: nothing to show as corrected
    CHECK(FirstShown(index->Search("en", "can i have it if im pregan", 5)) == "pregnancy");
    // Letters that start no word of the content, even one edit away, find nothing.
    CHECK(FirstShown(index->Search("en", "zzyzx", 5)) == "none");
}

TEST_CASE("A slip on the first letter is fixed when the rest of the word is right")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    for (const char* typed : {"vleeding", "leeding", "lbeeding", "nbleeding"}) {   // neighbour, missing, swapped, extra
        INFO(typed);
        const SearchResults results = index->Search("en", typed, 5);
        CHECK(results.corrected_query == "bleeding");
        CHECK(FirstShown(results) == "bleeding");
    }
    // A key far from the first letter is not a slip: "ybleeding" stays as typed.
    CHECK(index->Search("en", "ybleeding", 5).corrected_query.empty());
}

TEST_CASE("A mistyped filler word is filler, not a topic no answer holds")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    const SearchResults what = index->Search("en", "waht is microneedling", 5);
    CHECK(FirstShown(what) == "what-is-it");
    CHECK(what.corrected_query.empty());   // not "wait is microneedling"
    CHECK(TopId(index->Search("en", "hwo long does it last", 5)) == "how-long-results-last");
    CHECK(TopId(index->Search("en", "teh cost", 5)) != "none");
    // A topic word one slip from a filler word stays a topic word: "blck" is
    // "black", not "back".
    CHECK(index->Search("en", "blck skin", 5).corrected_query == "black skin");
}

TEST_CASE("Two words typed without the space between them are two words")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    const SearchResults booze = index->Search("en", "boozeafter treatment", 5);
    CHECK(booze.corrected_query == "booze after treatment");
    CHECK(FirstShown(booze) == "alcohol");
    CHECK(FirstShown(index->Search("en", "can i wearmakeup", 5)) == "makeup-after");
    CHECK(FirstShown(index->Search("en", "can iexerc", 5)) == "exercise-after");   // still typing "exercise"
    // A word one letter from a content word is that word, not two others.
    CHECK(index->Search("en", "orice", 5).corrected_query == "price");
    // A typo fixed before a split word: the query reads left to right.
    CHECK(index->Search("en", "makup thecost", 5).corrected_query == "makeup the cost");
}

TEST_CASE("A Spanish word spelt as it sounds is that word")
{
    // "bino" is one key from "baño" too, but b for v is how Spanish is
    // misspelt, not a slip of the finger; so are a dropped h and s for c.
    const Content content = FaqContent({{
        "es",
        {Faq("vino", "¿Puedo beber vino tinto?", "Mejor evitarlo dos días."),
         Faq("bano", "¿Puedo usar el baño de la clínica?", "Sí, está junto a la recepción."),
         Faq("horas", "¿Cuántas horas dura la sesión?", "Una hora y media."),
         Faq("cancelar", "¿Cómo puedo cancelar la cita?", "Llámenos un día antes.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults wine = index->Search("es", "bino tinto", 5);
    CHECK(wine.corrected_query == "vino tinto");
    CHECK(FirstShown(wine) == "vino");
    CHECK(index->Search("es", "cuantas oras", 5).corrected_query == "cuantas horas");
    CHECK(FirstShown(index->Search("es", "canselar la sita", 5)) == "cancelar");
}

TEST_CASE("A Spanish verb whose stem vowel changes is one word: duermo is dormir")
{
    // The Spanish stemmer gives "duerm" and "dorm", "mantien" and "manten".
    const Content content = FaqContent({{
        "es",
        {Faq("ferulas", "¿Puedo dormir con las férulas?", "Sí, toda la noche si no te molestan."),
         Faq("resultado", "¿Cómo mantener el resultado?", "Cepillado dos veces al día y revisiones."),
         Faq("horas", "¿Cuántas horas dura la sesión?", "Una hora y media."),
         Faq("cancelar", "¿Cómo puedo cancelar la cita?", "Llámenos un día antes.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "y si duermo con ellas", 5)) == "ferulas");
    // Not a slip of "mantener": nothing to correct.
    const SearchResults keeps = index->Search("es", "se mantiene", 5);
    CHECK(FirstShown(keeps) == "resultado");
    CHECK(keeps.corrected_query.empty());
}

TEST_CASE("The que of hay que asks nothing: only que opening a question asks what")
{
    // Folded, "qué" and "que" are one word; where it follows "hay" or
    // "tengo" it is no question word, and a title asking "¿Qué ...?" is no
    // nearer for it.
    const Content content = FaqContent({{
        "es",
        {Faq("no-voy", "¿Qué pasa si pido cita y no voy?", "Avísanos con un día de antelación."),
         Faq("pedir", "¿Cómo pido cita?", "Por teléfono o en recepción."),
         Faq("horas", "¿Cuántas horas dura la sesión?", "Una hora y media."),
         Faq("dolor", "¿Duele el tratamiento?", "Se nota un pinchazo leve.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "hay que pedir cita", 5)) == "pedir");
    CHECK(FirstShown(index->Search("es", "que pasa si pido cita", 5)) == "no-voy");
}

TEST_CASE("A Spanish diminutive is its word: manchitas are manchas")
{
    const Content content = FaqContent({{
        "es",
        {Faq("manchas", "¿Ayuda con las manchas?", "Aclara las manchas del sol en unas semanas."),
         Faq("crema", "¿Qué crema me pongo después?", "Una hidratante sin perfume."),
         Faq("pasta", "¿Qué pasta de dientes uso?", "Una para dientes sensibles."),
         Faq("horas", "¿Cuántas horas dura la sesión?", "Una hora y media.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "tengo manchitas", 5)) == "manchas");
    CHECK(FirstShown(index->Search("es", "y la cremita", 5)) == "crema");
    // A word in -illa is rarely a diminutive: a pill is no small toothpaste.
    CHECK(FirstShown(index->Search("es", "pastilla", 5)) == "none");
}

TEST_CASE("No typo fix to a lay word the content never reaches: cara is not caca")
{
    // "caca" is in the shipped Spanish lists, one letter from "cara"; here
    // neither it nor any word it stands for is in the content.
    const Content content = FaqContent({{
        "es",
        {Faq("manchas", "¿Ayuda con las manchas?", "Aclara las manchas del sol en unas semanas."),
         Faq("horas", "¿Cuántas horas dura la sesión?", "Una hora y media."),
         Faq("dolor", "¿Duele el tratamiento?", "Se nota un pinchazo leve.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults face = index->Search("es", "manchas en la cara", 5);
    CHECK(face.corrected_query.empty());
    CHECK(FirstShown(face) == "manchas");
    // A fix the content does reach is still made.
    CHECK(index->Search("es", "las manchaz", 5).corrected_query == "las manchas");
}

TEST_CASE("Spanish muchas is filler as mucho and muchos are")
{
    // Unstemmed, since its stem is a stop word's, "muchas" was a rare topic
    // word that only an answer saying "muchas personas" held.
    const Content content = FaqContent({{
        "es",
        {Faq("manchas", "¿Ayuda con las manchas?", "Aclara las manchas del sol en unas semanas."),
         Faq("preguntas", "¿Puedo hacer preguntas antes?", "Sí, muchas personas preguntan en la consulta."),
         Faq("horas", "¿Cuántas horas dura la sesión?", "Una hora y media.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(TopId(index->Search("es", "tengo muchas manchas", 5)) == "manchas");
}

TEST_CASE("The best-ranked match is offered even when it holds little of a long question")
{
    // "ring" reaches "When should I call the clinic?", which holds nothing
    // else of the question; answers holding "wrong" or "night" somewhere in
    // their text hold more of it, and rank lower.
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "who do i ring if something goes wrong in the night", 5)) == "when-to-call");
}

TEST_CASE("A question frame counts when the rest names only the treatment: what happens ... the laser")
{
    // "laser" is in nearly every answer of a laser clinic: beside it,
    // "what happens" is what the patient asks. (A word counts as common in
    // ten documents or more.)
    const Content content = FaqContent({{
        "en",
        {Faq("session", "What happens during a session?", "We clean the skin, then the laser passes over it for a few minutes."),
         Faq("what-is", "What is laser tattoo removal?", "A laser breaks the ink into small pieces that the body clears."),
         Faq("which-laser", "Which laser do you use?", "A Q-switched laser made for tattoo ink."),
         Faq("safe", "Is the laser safe for me?", "For most skin types, yes; we check at the consultation."),
         Faq("cost", "How much does it cost?", "From 50 pounds per laser session."),
         Faq("aftercare", "How do I look after the area?", "Keep it clean and dry, and use the balm we give you."),
         Faq("pain", "Does it hurt?", "The laser feels like an elastic band flicked on the skin."),
         Faq("sessions", "How many sessions will I need?", "Six to ten laser sessions, six weeks apart."),
         Faq("colours", "Which colours are hardest?", "Green and blue ink need more laser sessions."),
         Faq("scars", "Can it scar?", "Rarely, when the laser area is picked or infected."),
         Faq("tan", "Can I have it with a tan?", "No: the laser needs untanned skin."),
         Faq("numbing", "Is there a numbing cream?", "Yes, put on an hour before the laser.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "what actually happens when i go in for the laser", 5)) == "session");
    // A topic word beside the frame still makes the frame filler.
    CHECK(FirstShown(index->Search("en", "what happens if i run out of balm", 5)) == "aftercare");
}

TEST_CASE("A word inside a lay phrase of its own meaning counts in full: age in minimum age")
{
    // "minimum age" is in the group of "age": unlike the "sores" of "cold
    // sores", the "age" in it is age, and the answer is a confident one.
    const Content content = FaqContent({{
        "en",
        {Faq("age-limit", "Is there a minimum age for treatment?", "You need to be 18, or 16 with a parent's consent."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds."),
         Faq("sessions", "How many sessions will I need?", "Most people need three to six.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(TopId(index->Search("en", "age", 5)) == "age-limit");
    // "teenagers" reaches "age" alone, not the group's phrases: the answer
    // holds it in full all the same.
    CHECK(TopId(index->Search("en", "can teenagers have it", 5)) == "age-limit");
}

TEST_CASE("A number said as an age asks about age: my daughter is 16")
{
    const Content content = FaqContent({
        {"en",
         {Faq("age-limit", "Is there a minimum age for treatment?", "You need to be 18, or older with a parent's consent if younger."),
          Faq("bringing", "Can I bring my daughter with me?", "Yes, family can sit with you in the room."),
          Faq("sessions", "How many sessions will I need?", "Most people need 16 weeks of sessions, 2 weeks apart."),
          Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")}},
        {"es",
         {Faq("edad", "¿Hay una edad mínima?", "Hace falta ser mayor de edad."),
          Faq("acompanante", "¿Puede venir un familiar conmigo?", "Sí, un familiar puede acompañarte."),
          Faq("resultado", "¿Cuánto dura el resultado?", "Suele durar 2 años; después hace falta un retoque.")}},
    });
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "my daughter is 16 can she have it", 5)) == "age-limit");
    CHECK(FirstShown(index->Search("en", "im 17 can i have it done", 5)) == "age-limit");
    CHECK(FirstShown(index->Search("en", "is it ok for a 15 year old", 5)) == "age-limit");
    CHECK(FirstShown(index->Search("es", "mi hija tiene 15 años se lo puede hacer", 5)) == "edad");
    // A number of weeks or years ago is no age.
    CHECK(FirstShown(index->Search("en", "is it 16 weeks of sessions", 5)) == "sessions");
    CHECK(FirstShown(index->Search("es", "me lo hice hace 2 años y ya no dura el resultado", 5)) == "resultado");
    CHECK(FirstShown(index->Search("es", "se mantiene más de 2 años", 5)) == "resultado");
}

TEST_CASE("does that matter frames a question as is that a problem does")
{
    const Content content = FaqContent({{
        "en",
        {Faq("medicines", "Which medicines should I tell you about?", "Tell us about blood thinners such as warfarin."),
         Faq("home-tattoos", "Does it matter if my tattoo was done at home?", "Home tattoos often clear faster."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "i take warfarin does that matter", 5)) == "medicines");
    // Asked on its own, "matter" is the topic.
    CHECK(FirstShown(index->Search("en", "does it matter if it was done at home", 5)) == "home-tattoos");
}

TEST_CASE("A word reached only by WordNet senses is a guess: can i pay for parking by card is no confident answer")
{
    // "parking" is in no answer; WordNet's senses of it (room, way, place,
    // put, set) are in many. Found that way it is a guess, and an answer
    // that lacks it is no confident one.
    const Content content = FaqContent({{
        "en",
        {Faq("payment", "How can I pay?", "We take card or cash on the day."),
         Faq("prices", "What does a session cost?", "Each session costs 80 pounds; pay by card at the desk."),
         Faq("cream", "Where do I put the cream?", "Put a thin layer in place twice a day."),
         Faq("waiting", "Is there a waiting room?", "Yes, the room is on the first floor, and there is a place to sit."),
         Faq("washing", "What is the best way to wash?", "Set the water to cool; the gentle way is best."),
         Faq("friend", "Can I bring a friend?", "Yes, there is room for one, and a place by the window."),
         Faq("reminder", "Do you send a reminder?", "We set a text reminder the day before, in the same way for everyone."),
         Faq("pain", "Does it hurt?", "It stings a little."),
         Faq("sessions", "How many sessions will I need?", "Most people need six."),
         Faq("sun", "Can I go in the sun?", "Wear sunscreen every day."),
         Faq("shower", "When can I shower?", "The same evening."),
         Faq("makeup", "When can I wear make-up?", "After two days.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults parking = index->Search("en", "can i pay for parking by card", 5);
    CHECK(parking.hits.empty());
    CHECK(FirstShown(parking) == "payment");
    // The question the content does answer keeps a confident answer.
    CHECK_FALSE(index->Search("en", "can i pay by card", 5).hits.empty());
}

TEST_CASE("Spanish dar is a filler verb: me dan miedo is no dañar")
{
    const Content content = FaqContent({{
        "es",
        {Faq("esmalte", "¿El blanqueamiento daña el esmalte?", "No, el gel no daña el esmalte si se usa bien."),
         Faq("duele", "¿Duele el blanqueamiento?", "Puede doler un poco; la sensibilidad pasa en unos días."),
         Faq("lactancia", "¿Puedo blanquearme durante la lactancia?", "Mejor esperar a terminar la lactancia."),
         Faq("precio", "¿Cuánto cuesta?", "Desde doscientos euros.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "me dan mucho miedo los dentistas va a doler", 5)) == "duele");
    // A lay phrase with it still matches: "dar el pecho" is breastfeeding.
    CHECK(FirstShown(index->Search("es", "puedo dar el pecho despues", 5)) == "lactancia");
}

TEST_CASE("Spanish seguro on its own is safe not insurance")
{
    // "¿es seguro?" asks whether it is safe; insurance is "mi seguro", "el
    // seguro", "la mutua".
    const Content content = FaqContent({{
        "es",
        {Faq("mutua", "¿Lo cubre mi mutua?", "Algunas aseguradoras lo cubren; pregunta a la tuya."),
         Faq("riesgos", "¿Qué riesgos tiene?", "Es un tratamiento con pocos riesgos: rojez y algo de hinchazón."),
         Faq("precio", "¿Cuánto cuesta?", "Desde cien euros.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("es", "es seguro para mi", 5)) == "riesgos");
    CHECK(FirstShown(index->Search("es", "tengo seguro privado", 5)) == "mutua");
}

TEST_CASE("Words in many of the documents weigh less: puffy skin after laser asks about swelling")
{
    // "skin", "after" and "laser" are in most answers here; together they
    // must not outweigh the one word that names the topic.
    const Content content = FaqContent({{
        "en",
        {Faq("swelling", "Will I have swelling?", "Some swelling for two or three days is normal; a cold pack helps."),
         Faq("frosting", "Why does my skin go white after the laser?", "The white is gas the laser releases in the skin; it fades within minutes."),
         Faq("blisters", "What if blisters come up after the laser?", "Leave them alone; they heal in a week. Keep the skin clean."),
         Faq("sun", "Can I go in the sun after laser treatment?", "Cover the skin and use SPF 50 for four weeks after the laser."),
         Faq("shower", "When can I shower after the laser?", "The same day, with cool water on the skin."),
         Faq("makeup", "Can I wear make-up after the laser?", "Not on the treated skin for five days after the laser."),
         Faq("exercise", "When can I exercise after the laser?", "After 48 hours; sweat irritates the skin after laser work."),
         Faq("pain", "Does the laser hurt?", "It feels like an elastic band flicked on the skin."),
         Faq("sessions", "How many laser sessions will I need?", "Six to ten, six weeks apart, while the skin clears the ink."),
         Faq("tan", "Can I have laser with a tan?", "No: the laser needs skin without a tan."),
         Faq("numbing", "Is there a numbing cream?", "Yes, put it on the skin an hour before the laser."),
         Faq("cost", "How much does it cost?", "From 50 pounds a session.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "puffy skin after laser", 5)) == "swelling");
}

TEST_CASE("Typos are corrected and the correction is shown")
{
    TempDir cache;
    const auto index = SearchIndex::Open(*BundledContent(), {cache.path.string(), true}, nullptr);
    SearchResults results = index->Search("en", "sunscren", 5);
    CHECK(TopId(results) == "sun-after");
    CHECK(results.corrected_query == "sunscreen");
    results = index->Search("en", "can I wear makup", 5);
    CHECK(TopId(results) == "makeup-after");
    CHECK(results.corrected_query == "can I wear makeup");
    results = index->Search("en", "does micronedling hurt", 5);
    CHECK(TopId(results) == "does-it-hurt");
    CHECK(results.corrected_query == "does microneedling hurt");
    CHECK(index->Search("en", "does it hurt", 5).corrected_query.empty());
}

TEST_CASE("How long until I can have a drink asks when, not about the waiting list")
{
    const Content content = FaqContent({{
        "en",
        {Faq("alcohol", "When can I have a drink?", "Leave it 24 hours: alcohol can make redness worse."),
         Faq("waiting", "How long will I wait to be seen?", "Most patients are seen within ten minutes of their time."),
         Faq("delay", "What if the clinic is running late?", "We will tell you about any delay when you arrive."),
         Faq("work", "When can I go back to work?", "Most people return the next day."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(FirstShown(index->Search("en", "how long until i can have a drink", 5)) == "alcohol");
    CHECK(FirstShown(index->Search("en", "how long will i have to wait", 5)) == "waiting");
}

TEST_CASE("A mistyped word weighs what the word it stands for weighs")
{
    // "emergency" is in one title; the lay words it brings ("out of hours")
    // are in almost every answer. A fix used to weigh as little as its
    // commonest lay word, so "night", in two answers, outweighed it.
    const Content content = FaqContent({{
        "en",
        {Faq("urgent", "What do I do in an emergency?", "Ring the number on your aftercare sheet."),
         Faq("swelling", "Why is it puffy in the morning?",
             "Fluid settles in the night; after a night or two it goes down within hours once you are up and out."),
         Faq("wash", "When can I wash it?",
             "Wait until the next night, 24 hours on, then use lukewarm water and pat it dry; stay out of the sun."),
         Faq("phone", "When are you open?", "From 8 until 6; out of these hours, leave a message."),
         Faq("parking", "Where do I park?", "The car park is open 24 hours; pay on the way out."),
         Faq("cost", "How much does it cost?",
             "Prices start at one hundred pounds, paid within 48 hours; we send out a receipt.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    REQUIRE(FirstShown(index->Search("en", "emergency in the night", 5)) == "urgent");
    const SearchResults fixed = index->Search("en", "emergemcy in the night", 5);
    CHECK(fixed.corrected_query == "emergency in the night");
    CHECK(FirstShown(fixed) == "urgent");
}

TEST_CASE("A typo in a form the content lacks is fixed through the stem of the form it has")
{
    // "exerising" ("exercising") is four edits from the content's "exercise",
    // but its stem, "exeris", is one from "exercis".
    const Content content = FaqContent({{
        "en",
        {Faq("exercise", "When can I exercise again?", "Wait 48 hours before the gym or a run."),
         Faq("smoking", "Can smokers have it?", "Yes, though smoking slows healing."),
         Faq("sun", "Can I go in the sun?", "Wear sunscreen every day."),
         Faq("cost", "How much does it cost?", "Prices start at one hundred pounds.")},
    }});
    const auto index = SearchIndex::Open(content, {"", false}, nullptr);
    const SearchResults exercise = index->Search("en", "exerising after", 5);
    CHECK(FirstShown(exercise) == "exercise");
    CHECK(exercise.corrected_query == "exercise after");
    // Without a dictionary to tell a real word from a typo, Spanish words are
    // not rewritten through their stems: "aparatos" (braces) is not "aparte".
    const Content spanish = FaqContent({{
        "es",
        {Faq("precio", "¿Cuánto cuesta?", "El precio se paga aparte."),
         Faq("dolor", "¿Duele?", "Se nota una molestia leve.")},
    }});
    const auto es = SearchIndex::Open(spanish, {"", false}, nullptr);
    CHECK(es->Search("es", "aparatos ", 5).corrected_query.empty());
}

TEST_CASE("Word forms match through stemming")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    CHECK(TopId(index->Search("en", "exercising ", 5)) == "exercise-after");
    CHECK(TopId(index->Search("en", "scars ", 5)) == "acne-scars");
    CHECK(TopId(index->Search("en", "peeled ", 5)) == "peeling");
}

TEST_CASE("Synonyms come from the content and apply at query time")
{
    Content content = SmallContent();
    auto without = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(TopId(without->Search("en", "vehicle", 5)) == "none");
    CHECK(TopId(without->Search("en", "motor bike", 5)) == "none");

    content.languages[0].synonyms["vehicle"] = {"car"};
    content.languages[0].synonyms["motor bike"] = {"car park"};
    auto with = SearchIndex::Open(content, {"", false}, nullptr);
    CHECK(TopId(with->Search("en", "vehicle", 5)) == "car-park");
    CHECK(TopId(with->Search("en", "motor bike", 5)) == "car-park");
    // Built-in lay words work without any synonyms.json.
    CHECK(TopId(with->Search("en", "ouch", 5)) == "hurt");
}

TEST_CASE("Off-topic queries get no confident answer, and nothing relevant gives suggestions")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    for (const char* query : {"wifi password", "knee surgery", "parking", "my dog is sick", "what time is it"}) {
        INFO(query);
        CHECK(index->Search("en", query, 5).hits.empty());
    }
    const SearchResults wifi = index->Search("en", "wifi password", 5);
    CHECK(wifi.no_answer);
    CHECK(wifi.related.empty());
    REQUIRE(wifi.suggestions.size() == 4);
    CHECK(BundledContent()->FindFaq("en", wifi.suggestions[0]) != nullptr);
    CHECK_FALSE(index->Search("en", "does it hurt", 5).no_answer);
}

TEST_CASE("Spanish uses the Spanish stemmer and folds accents")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    CHECK(TopId(index->Search("es", "cicatrices ", 5)) == "acne-scars");
    CHECK(TopId(index->Search("es", "rosacea ", 5)) == "rosacea-eczema");     // indexed as "rosácea"
    CHECK(TopId(index->Search("es", "Rosácea ", 5)) == "rosacea-eczema");
    CHECK(TopId(index->Search("es", "embarazada ", 5)) == "pregnancy");
    CHECK(TopId(index->Search("en", "cicatrices ", 5)) == "none");            // not in the English index
}

TEST_CASE("Highlight ranges point at the matched words")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    const SearchResults results = index->Search("en", "does it hurt", 5);
    const SearchHit* hit = Top(results);
    REQUIRE(hit != nullptr);
    REQUIRE_FALSE(hit->title_highlights.empty());
    for (const TextRange& range : hit->title_highlights) {
        REQUIRE(range.begin >= 0);
        REQUIRE(range.end <= static_cast<int>(hit->title.size()));
        CHECK(hit->title.substr(range.begin, range.end - range.begin) == "hurt");
    }
    REQUIRE_FALSE(hit->snippet.empty());
    REQUIRE_FALSE(hit->snippet_highlights.empty());
    for (const TextRange& range : hit->snippet_highlights) {
        REQUIRE(range.end <= static_cast<int>(hit->snippet.size()));
        const std::string word = FoldForSearch(hit->snippet.substr(range.begin, range.end - range.begin));
        // "hurt" and its synonyms (pain, sore, ...) are the matched words.
        CHECK((word.rfind("hurt", 0) == 0 || word.rfind("pain", 0) == 0 || word.rfind("sore", 0) == 0 ||
               word.rfind("discomfort", 0) == 0 || word.rfind("ache", 0) == 0 || word.rfind("sting", 0) == 0));
    }
}

// ---------------------------------------------------------------------------
// [SECTION] Small things
// ---------------------------------------------------------------------------

TEST_CASE("Accent folding")
{
    CHECK(FoldForSearch("Rosácea") == "rosacea");
    CHECK(FoldForSearch("ÉLAN Straße") == "elan strasse");
    CHECK(FoldForSearch("niño CORAZÓN ü") == "nino corazon u");
    CHECK(FoldForSearch("plain ascii 123") == "plain ascii 123");
}

TEST_CASE("Empty queries, unknown languages and many threads")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    const SearchResults empty = index->Search("en", "   ", 5);
    CHECK(empty.hits.empty());
    CHECK_FALSE(empty.no_answer);
    CHECK(index->Search("xx", "does it hurt", 5).hits.empty());
    CHECK(index->Search("en", "does it hurt", 0).hits.empty());

    std::vector<std::string> tops(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; t++)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; i++)
                tops[t] = TopId(index->Search(t % 2 ? "es" : "en", t % 2 ? "cicatrices" : "sunscreen", 5));
        });
    for (std::thread& thread : threads)
        thread.join();
    CHECK(tops[0] == "sun-after");
    CHECK(tops[1] == "acne-scars");
}

// ---------------------------------------------------------------------------
// [SECTION] Awkward content and awkward queries
// ---------------------------------------------------------------------------

TEST_CASE("Snippets show only what the patient can read: no page id or summary")
{
    TempDir dir;
    const fs::path root = dir.path / "content";
    fs::create_directories(root / "en" / "pages");
    std::ofstream(root / "kiosk.json") << R"({"languages": ["en"], "default_language": "en"})";
    std::ofstream(root / "en" / "pages" / "zz-page-id.md")
        << "---\ntitle: Looking after your skin\nsummary: Quokka advice for the first week.\n---\n\n"
           "Keep the treated skin clean and use sunscreen every day.\n";
    const LoadResult loaded = LoadContent(root.string());
    const auto index = SearchIndex::Open(*loaded.content, {"", false}, nullptr);
    for (const char* query : {"quokka", "sunscreen"}) {
        INFO(query);
        const SearchResults results = index->Search("en", query, 5);
        REQUIRE_FALSE(results.no_answer);   // the summary is still searched
        const SearchHit& hit = results.hits.empty() ? results.related.at(0) : results.hits.at(0);
        CHECK(hit.id == "zz-page-id");
        CHECK(hit.snippet.find("zz-page-id") == std::string::npos);
        CHECK(hit.snippet.find("Quokka") == std::string::npos);
        CHECK(hit.snippet.find("Keep the treated skin clean") != std::string::npos);
    }
}

TEST_CASE("A language without FAQ entries still searches its pages")
{
    TempDir dir;
    const fs::path root = dir.path / "content";
    fs::create_directories(root / "en" / "pages");
    fs::create_directories(root / "fr" / "pages");
    std::ofstream(root / "kiosk.json") << R"({"languages": ["en", "fr"], "default_language": "en"})";
    // English: an empty questions list; French: no faq.json at all.
    std::ofstream(root / "en" / "faq.json") << R"({"questions": []})";
    std::ofstream(root / "en" / "pages" / "aftercare.md") << "---\ntitle: Aftercare\n---\n\nUse sunscreen every day.\n";
    std::ofstream(root / "fr" / "pages" / "soins.md") << "---\ntitle: Soins après le traitement\n---\n\nUtilisez une crème solaire.\n";
    const LoadResult loaded = LoadContent(root.string());
    REQUIRE(loaded.content->Language("en") != nullptr);
    REQUIRE(loaded.content->Language("fr") != nullptr);
    REQUIRE(loaded.content->Language("en")->faq.empty());
    REQUIRE(loaded.content->Language("fr")->faq.empty());

    for (const bool on_disk : {true, false}) {
        INFO("on disk: " << on_disk);
        TempDir cache;
        const auto index = SearchIndex::Open(*loaded.content, {cache.path.string(), on_disk}, nullptr);
        CHECK(InfoFor(index->Info(), "en").documents == 1);
        CHECK(TopId(index->Search("en", "sunscreen", 5)) == "aftercare");
        CHECK(TopId(index->Search("fr", "creme solaire", 5)) == "soins");
        CHECK(TopId(index->Search("fr", "après", 5)) == "soins");
        // Nothing to suggest when there is no FAQ, but still a clean answer.
        const SearchResults none = index->Search("en", "wifi password", 5);
        CHECK(none.no_answer);
        CHECK(none.hits.empty());
        CHECK(none.suggestions.empty());
    }
    // A language with no documents at all opens, caches and answers nothing.
    Content empty;
    empty.config.languages = {"en"};
    empty.languages.push_back(LanguageContent{});
    empty.languages[0].lang = "en";
    TempDir cache;
    const auto first = SearchIndex::Open(empty, {cache.path.string(), true}, nullptr);
    CHECK(InfoFor(first->Info(), "en").documents == 0);
    CHECK(first->Search("en", "sunscreen", 5).hits.empty());
    CHECK(InfoFor(SearchIndex::Open(empty, {cache.path.string(), true}, nullptr)->Info(), "en").state ==
          IndexState::Cached);
}

TEST_CASE("Unicode: capitals, accents either way, decomposed accents, other scripts")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    CHECK(TopId(index->Search("en", "ACNE SCARS ", 5)) == "acne-scars");
    CHECK(TopId(index->Search("en", "acné scars ", 5)) == "acne-scars");            // accent the content lacks
    CHECK(TopId(index->Search("en", "acne\xCC\x81 scars ", 5)) == "acne-scars");   // e + combining acute
    CHECK(TopId(index->Search("es", "CICATRICES DEL ACNÉ ", 5)) == "acne-scars");
    CHECK(TopId(index->Search("es", "rosa\xCC\x81" "cea ", 5)) == "rosacea-eczema");  // decomposed "rosácea"
    CHECK(FoldForSearch("e\xCC\x81") == "e");
    CHECK(FoldForSearch("\xE2\x80\x99") == "'");   // typographic apostrophe

    // Scripts and symbols the content does not use: no answer, no crash.
    for (const char* query : {"\xE7\x97\xA4\xE7\x96\xAE", "\xD0\xB0\xD0\xBA\xD0\xBD\xD0\xB5", "\xF0\x9F\x98\x80\xF0\x9F\x98\x80",
                              "\xFF\xFE broken utf-8 \xC3"}) {
        INFO(query);
        const SearchResults results = index->Search("en", query, 5);
        CHECK(results.hits.empty());
    }

    // Highlights start and end on character boundaries in accented text.
    const SearchResults results = index->Search("es", "cicatrices", 5);
    REQUIRE(Top(results) != nullptr);
    for (const SearchHit& hit : results.hits)
        for (const TextRange& range : hit.snippet_highlights) {
            REQUIRE(range.begin >= 0);
            REQUIRE(range.end <= static_cast<int>(hit.snippet.size()));
            CHECK((static_cast<unsigned char>(hit.snippet[range.begin]) & 0xC0) != 0x80);
            if (range.end < static_cast<int>(hit.snippet.size()))
                CHECK((static_cast<unsigned char>(hit.snippet[range.end]) & 0xC0) != 0x80);
        }
}

TEST_CASE("A 10 000-character query returns quickly")
{
    std::string repeated;
    while (repeated.size() < 10000)
        repeated += "microneedling hurt ";
    repeated.resize(10000);
    std::string one_word(10000, 'a');
    std::string random_letters;
    unsigned seed = 12345;
    for (int i = 0; i < 10000; i++) {
        seed = seed * 1103515245u + 12345u;
        const unsigned pick = (seed >> 16) % 28;
        random_letters += pick >= 26 ? ' ' : static_cast<char>('a' + pick);
    }
    TempDir cache;
    const auto on_disk = SearchIndex::Open(*BundledContent(), {cache.path.string(), true}, nullptr);
    const auto in_memory = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    for (const SearchIndex* index : {on_disk.get(), in_memory.get()})
        for (const std::string* query : std::initializer_list<const std::string*>{&repeated, &one_word, &random_letters}) {
            const auto start = std::chrono::steady_clock::now();
            const SearchResults results = index->Search("en", *query, 10);
            const double ms = MillisSince(start);
            INFO("query starting \"" << query->substr(0, 20) << "\" took " << ms << " ms");
            CHECK(ms < 200.0);   // uncapped, correcting the long word alone took over a second
            CHECK(results.hits.size() <= 10);
            if (query == &repeated)
                CHECK(TopId(results) == "does-it-hurt");
        }
}

TEST_CASE("A query of symbols only is treated like an empty query")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    for (const char* query : {"?!*&^%", "...", "\xE2\x80\x94 \xC2\xBF?"}) {
        INFO(query);
        const SearchResults results = index->Search("en", query, 5);
        CHECK(results.hits.empty());
        CHECK_FALSE(results.no_answer);
        CHECK(results.corrected_query.empty());
    }
    // Symbols around words are ignored.
    CHECK(TopId(index->Search("en", "?!does it *hurt*?!", 5)) == "does-it-hurt");
}

TEST_CASE("A query of stop words only searches titles and stays fast")
{
    const auto index = SearchIndex::Open(*BundledContent(), {"", false}, nullptr);
    // A real question made only of stop words still finds its entry.
    CHECK(TopId(index->Search("en", "what is it", 5)) == "what-is-it");
    for (const char* query : {"the the the", "can i", "is it", "what", "and or but ", "que es esto"}) {
        INFO(query);
        const auto start = std::chrono::steady_clock::now();
        const SearchResults results = index->Search(std::string(query) == "que es esto" ? "es" : "en", query, 5);
        CHECK(MillisSince(start) < 100.0);
        // Whatever is shown must hold the words in its title: stop words say
        // nothing in running text.
        for (const SearchHit& hit : results.hits)
            CHECK_FALSE(hit.title_highlights.empty());
    }
}
