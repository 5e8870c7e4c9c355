// Input-script parsing (every command, errors with positions) and the player
// that turns a script into timed pointer events and steps.
#include "session/script.h"
#include <catch2/catch.hpp>

using namespace ck;

namespace {

InputScript Parse(const std::string& text, Diagnostics* diag)
{
    return ParseInputScript(text, "demo.txt", diag);
}

// Parses text that must hold exactly one bad line; returns its diagnostic.
Diagnostic OnlyError(const std::string& text, size_t good_commands = 0)
{
    Diagnostics diag;
    const InputScript script = Parse(text, &diag);
    INFO(text);
    REQUIRE(diag.Items().size() == 1);
    CHECK(script.commands.size() == good_commands);
    return diag.Items().front();
}

InputScript ParseOne(const std::string& line)
{
    Diagnostics diag;
    InputScript script = Parse(line, &diag);
    INFO(line);
    for (const Diagnostic& d : diag.Items())
        INFO(FormatDiagnostic(d));
    REQUIRE(diag.Empty());
    REQUIRE(script.commands.size() == 1);
    return script;
}

} // namespace

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

TEST_CASE("every command parses")
{
    const std::string text =
        "# demo: open aftercare, scroll, search\n"
        "\n"
        "tap 540 960\n"
        "drag 540 1500 540 500 300\n"
        "   type  micro needling  \n"
        "key backspace\n"
        "key Enter\n"
        "key escape\n"
        "wait 250\n"
        "advance 95.5\n"
        "screenshot out/after-tap.png\n"
        "expect page:aftercare\n"
        "expect home   # comment after arguments\n"
        "expect faq:does-it-hurt\n"
        "expect idle-warning\n"
        "expect attract\n"
        "quit\n";
    Diagnostics diag;
    const InputScript script = Parse(text, &diag);
    for (const Diagnostic& d : diag.Items())
        INFO(FormatDiagnostic(d));
    REQUIRE(diag.Empty());
    CHECK(script.file == "demo.txt");
    const auto& c = script.commands;
    REQUIRE(c.size() == 15);

    CHECK(c[0].kind == ScriptCommandKind::Tap);
    CHECK(c[0].line == 3);
    CHECK(c[0].x1 == 540.0f);
    CHECK(c[0].y1 == 960.0f);

    CHECK(c[1].kind == ScriptCommandKind::Drag);
    CHECK(c[1].x1 == 540.0f);
    CHECK(c[1].y1 == 1500.0f);
    CHECK(c[1].x2 == 540.0f);
    CHECK(c[1].y2 == 500.0f);
    CHECK(c[1].seconds == Approx(0.3));

    CHECK(c[2].kind == ScriptCommandKind::Type);
    CHECK(c[2].text == "micro needling  ");   // rest of the line, inner and trailing blanks kept

    CHECK(c[3].kind == ScriptCommandKind::Key);
    CHECK(c[3].key == ScriptKey::Backspace);
    CHECK(c[4].key == ScriptKey::Enter);
    CHECK(c[5].key == ScriptKey::Escape);

    CHECK(c[6].kind == ScriptCommandKind::Wait);
    CHECK(c[6].seconds == Approx(0.25));
    CHECK(c[7].kind == ScriptCommandKind::Advance);
    CHECK(c[7].seconds == Approx(95.5));

    CHECK(c[8].kind == ScriptCommandKind::Screenshot);
    CHECK(c[8].text == "out/after-tap.png");

    CHECK(c[9].kind == ScriptCommandKind::Expect);
    CHECK(c[9].text == "page:aftercare");
    CHECK(c[10].text == "home");
    CHECK(c[11].text == "faq:does-it-hurt");
    CHECK(c[12].text == "idle-warning");
    CHECK(c[13].text == "attract");
    CHECK(c[14].kind == ScriptCommandKind::Quit);
    CHECK(c[14].line == 17);
}

TEST_CASE("type keeps UTF-8 and '#' characters")
{
    const InputScript script = ParseOne("type ca\xC3\xB1" "a # 2\r\n");
    CHECK(script.commands[0].text == "ca\xC3\xB1" "a # 2");
}

TEST_CASE("CRLF line ends, a BOM and decimals are accepted")
{
    Diagnostics diag;
    const InputScript script = Parse("\xEF\xBB\xBFtap 10.5 20\r\nquit\r\n", &diag);
    REQUIRE(diag.Empty());
    REQUIRE(script.commands.size() == 2);
    CHECK(script.commands[0].x1 == 10.5f);
    CHECK(script.commands[1].kind == ScriptCommandKind::Quit);
}

TEST_CASE("an empty script or only comments gives no commands and no errors")
{
    Diagnostics diag;
    CHECK(Parse("", &diag).commands.empty());
    CHECK(Parse("# nothing\n   \n\t# still nothing\n", &diag).commands.empty());
    CHECK(diag.Empty());
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

TEST_CASE("unknown command with a suggestion, and its position")
{
    const Diagnostic d = OnlyError("tap 1 2\n\n  tpa 10 20\n", 1);
    CHECK(d.file == "demo.txt");
    CHECK(d.line == 3);
    CHECK(d.column == 3);
    CHECK(d.severity == Severity::Error);
    CHECK(d.message == "unknown command 'tpa' (did you mean 'tap'?)");
    CHECK(FormatDiagnostic(d) == "demo.txt:3:3: error: unknown command 'tpa' (did you mean 'tap'?)");
}

TEST_CASE("unknown command far from any gives no suggestion")
{
    const Diagnostic d = OnlyError("launch rockets\n");
    CHECK(d.message == "unknown command 'launch'");
    CHECK(d.column == 1);
}

TEST_CASE("suggestions for other misspellings")
{
    CHECK(OnlyError("screenshoot a.png").message.find("did you mean 'screenshot'") != std::string::npos);
    CHECK(OnlyError("Quit").message.find("did you mean 'quit'") != std::string::npos);
    CHECK(OnlyError("key backspce").message.find("did you mean 'backspace'") != std::string::npos);
    CHECK(OnlyError("expect hom").message.find("did you mean 'home'") != std::string::npos);
}

TEST_CASE("wrong argument counts point at the extra word or the line end")
{
    Diagnostic d = OnlyError("tap 10 20 30");
    CHECK(d.column == 11);
    CHECK(d.message == "'tap' takes 2 arguments (X Y), found 3");

    d = OnlyError("tap 10");
    CHECK(d.column == 7);
    CHECK(d.message == "'tap' takes 2 arguments (X Y), found 1");

    d = OnlyError("drag 1 2 3 4");
    CHECK(d.message == "'drag' takes 5 arguments (X1 Y1 X2 Y2 DURATION_MS), found 4");
    CHECK(OnlyError("quit now").column == 6);
    CHECK(OnlyError("wait").message == "'wait' takes 1 argument (MS), found 0");
    CHECK(OnlyError("expect").line == 1);
    CHECK(OnlyError("screenshot").line == 1);
    CHECK(OnlyError("key").line == 1);
    CHECK(OnlyError("advance 1 2").column == 11);
    CHECK(OnlyError("heap now").message == "'heap' takes 0 arguments (none), found 1");
}

TEST_CASE("non-numeric and negative values")
{
    Diagnostic d = OnlyError("tap 10 abc");
    CHECK(d.column == 8);
    CHECK(d.message == "Y must be a number, not 'abc'");
    CHECK(OnlyError("tap 10px 20").message == "X must be a number, not '10px'");
    CHECK(OnlyError("drag 0 0 10 10 fast").column == 16);
    CHECK(OnlyError("wait -5").message == "the wait must not be negative");
    CHECK(OnlyError("advance soon").message == "the time must be a number, not 'soon'");
    CHECK(OnlyError("tap nan 5").line == 1);
    CHECK(OnlyError("tap inf 5").line == 1);
}

TEST_CASE("other argument errors")
{
    CHECK(OnlyError("type").message == "'type' needs the text to type");
    CHECK(OnlyError("type   ").message == "'type' needs the text to type");
    Diagnostic d = OnlyError("type ab\xC3");
    CHECK(d.column == 6);
    CHECK(d.message == "the text to type is not valid UTF-8");
    CHECK(OnlyError("screenshot shot.jpg").message.find(".png") != std::string::npos);
    CHECK(OnlyError("key space").message == "unknown key 'space' (one of backspace, enter, escape)");
    CHECK(OnlyError("expect page:").message.find("unknown screen 'page:'") == 0);
    CHECK(OnlyError("expect settings").column == 8);
}

TEST_CASE("bad lines are skipped and the rest still parses, and no diagnostics sink is fine")
{
    Diagnostics diag;
    const InputScript script = Parse("tap 1 2\nbogus\ntap x 1\nquit\n", &diag);
    CHECK(diag.ErrorCount() == 2);
    REQUIRE(script.commands.size() == 2);
    CHECK(script.commands[1].line == 4);

    const InputScript quiet = ParseInputScript("bogus\nquit\n", "x", nullptr);
    CHECK(quiet.commands.size() == 1);
}

// ---------------------------------------------------------------------------
// Expectations
// ---------------------------------------------------------------------------

TEST_CASE("expectations match what the session shows")
{
    SessionSettings settings;
    Session session(settings, 0.0);
    CHECK(ExpectationHolds("home", session));
    CHECK_FALSE(ExpectationHolds("faq", session));

    session.Apply(Intent{IntentKind::OpenPage, "aftercare", 0}, 1.0);
    CHECK(ExpectationHolds("page:aftercare", session));
    CHECK_FALSE(ExpectationHolds("page:risks", session));

    session.Apply(Intent{IntentKind::OpenFaq, "does-it-hurt", 0}, 2.0);
    CHECK(ExpectationHolds("faq", session));
    CHECK(ExpectationHolds("faq:does-it-hurt", session));
    CHECK_FALSE(ExpectationHolds("faq:cost", session));

    session.Tick(2.0 + settings.idle_timeout);
    CHECK(ExpectationHolds("idle-warning", session));
    CHECK(ExpectationHolds("faq", session));   // the warning is an overlay

    session.Tick(1.0e5);
    CHECK(ExpectationHolds("attract", session));
    CHECK_FALSE(ExpectationHolds("home", session));
    CHECK_FALSE(ExpectationHolds("idle-warning", session));
}

TEST_CASE("state expectations: scroll, query, text size, contrast, language")
{
    Diagnostics diag;
    const InputScript script = ParseInputScript("expect scrolled\nexpect top\nexpect query-empty\n"
                                                "expect text-size 2\nexpect contrast on\nexpect language es\n",
                                                "states.txt", &diag);
    CHECK(diag.ErrorCount() == 0);
    REQUIRE(script.commands.size() == 6);
    CHECK(script.commands[3].text == "text-size 2");
    CHECK(script.commands[4].text == "contrast on");
    CHECK(script.commands[5].text == "language es");

    for (const char* bad : {"expect text-size", "expect text-size big", "expect text-size 1.5", "expect contrast maybe",
                            "expect language", "expect scrolled 3", "expect top top"}) {
        Diagnostics errors;
        CHECK(ParseInputScript(bad, "bad.txt", &errors).commands.empty());
        CHECK(errors.ErrorCount() == 1);
    }

    SessionSettings settings;
    Session session(settings, 0.0);
    CHECK(ExpectationHolds("top", session));
    CHECK_FALSE(ExpectationHolds("scrolled", session));
    CHECK(ExpectationHolds("query-empty", session));
    CHECK(ExpectationHolds("text-size 1", session));
    CHECK_FALSE(ExpectationHolds("text-size 2", session));
    CHECK(ExpectationHolds("contrast off", session));
    CHECK_FALSE(ExpectationHolds("contrast on", session));
    CHECK(ExpectationHolds("language en", session));
    CHECK_FALSE(ExpectationHolds("language es", session));

    session.Apply(Intent{IntentKind::OpenPage, "aftercare", 0}, 1.0);
    session.Current().scroll_y = 240.0f;
    session.Apply(Intent{IntentKind::SetTextSize, std::string(), 3}, 1.0);
    session.Apply(Intent{IntentKind::ToggleContrast, std::string(), 0}, 1.0);
    session.Apply(Intent{IntentKind::SetLanguage, "es", 0}, 1.0);
    session.Apply(Intent{IntentKind::SearchAppend, "acne", 0}, 1.0);
    CHECK(ExpectationHolds("scrolled", session));
    CHECK_FALSE(ExpectationHolds("top", session));
    CHECK_FALSE(ExpectationHolds("query-empty", session));
    CHECK(ExpectationHolds("text-size 3", session));
    CHECK(ExpectationHolds("contrast on", session));
    CHECK(ExpectationHolds("language es", session));

    session.Reset(2.0);
    CHECK(ExpectationHolds("home", session));
    CHECK(ExpectationHolds("top", session));
    CHECK(ExpectationHolds("query-empty", session));
    CHECK(ExpectationHolds("text-size 1", session));
    CHECK(ExpectationHolds("contrast off", session));
    CHECK(ExpectationHolds("language en", session));
}

// ---------------------------------------------------------------------------
// Player
// ---------------------------------------------------------------------------

TEST_CASE("drag interpolation: times and positions")
{
    ScriptCommand drag;
    drag.kind = ScriptCommandKind::Drag;
    drag.x1 = 100.0f;
    drag.y1 = 1000.0f;
    drag.x2 = 100.0f;
    drag.y2 = 500.0f;
    drag.seconds = 0.1;
    ScriptPlayerSettings settings;
    settings.move_interval = 0.016;
    const std::vector<PointerEvent> events = GesturePointerEvents(drag, 2.0, settings);

    // press, moves at 16, 32, 48, 64, 80, 96 ms, final move at 100 ms, release
    REQUIRE(events.size() == 9);
    CHECK(events.front().kind == PointerEventKind::Press);
    CHECK(events.front().t == 2.0);
    CHECK(events.front().y == 1000.0f);
    for (size_t i = 1; i + 1 < events.size(); ++i) {
        INFO("event " << i);
        CHECK(events[i].kind == PointerEventKind::Move);
        CHECK(events[i].t > events[i - 1].t);
        CHECK(events[i].x == 100.0f);
    }
    CHECK(events[1].t == Approx(2.016));
    CHECK(events[1].y == Approx(1000.0f - 500.0f * 0.16f));
    CHECK(events[6].t == Approx(2.096));
    CHECK(events[6].y == Approx(1000.0f - 500.0f * 0.96f));
    CHECK(events[7].t == Approx(2.1));
    CHECK(events[7].y == 500.0f);
    CHECK(events.back().kind == PointerEventKind::Release);
    CHECK(events.back().t == Approx(2.1));
    CHECK(events.back().y == 500.0f);
}

TEST_CASE("a tap is a press and a later release at one place")
{
    ScriptCommand tap;
    tap.kind = ScriptCommandKind::Tap;
    tap.x1 = 5.0f;
    tap.y1 = 6.0f;
    const std::vector<PointerEvent> events = GesturePointerEvents(tap, 1.0);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == PointerEventKind::Press);
    CHECK(events[1].kind == PointerEventKind::Release);
    CHECK(events[1].t > events[0].t);
    CHECK(events[1].x == 5.0f);
    CHECK(events[1].y == 6.0f);
}

TEST_CASE("the player gives each press, release and check a frame of its own")
{
    Diagnostics diag;
    InputScript script = Parse("tap 10 20\nexpect page:aftercare\nquit\ntap 1 1\n", &diag);
    REQUIRE(diag.Empty());
    InputScriptPlayer player(script);
    CHECK_FALSE(player.Finished());

    std::vector<ScriptStep> steps = player.Poll(0.0);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::Pointer);
    CHECK(steps[0].pointer.kind == PointerEventKind::Press);
    CHECK(steps[0].line == 1);

    CHECK(player.Poll(0.01).empty());   // finger still down
    CHECK(player.SecondsUntilNext(0.01) == Approx(0.04));

    steps = player.Poll(1.0);   // a slow frame: still only the release
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].pointer.kind == PointerEventKind::Release);
    CHECK(steps[0].pointer.x == 10.0f);

    steps = player.Poll(1.0);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::Expect);
    CHECK(steps[0].text == "page:aftercare");
    CHECK(steps[0].line == 2);

    steps = player.Poll(1.0);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::Quit);
    CHECK(player.Finished());
    CHECK(player.Poll(2.0).empty());   // nothing after quit
}

TEST_CASE("the player delivers a drag's moves as they fall due, then the release")
{
    Diagnostics diag;
    InputScript script = Parse("drag 0 100 0 0 100\n", &diag);
    ScriptPlayerSettings settings;
    settings.move_interval = 0.025;
    InputScriptPlayer player(script, settings);

    std::vector<ScriptStep> steps = player.Poll(10.0);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].pointer.kind == PointerEventKind::Press);
    CHECK(steps[0].pointer.t == 10.0);

    steps = player.Poll(10.06);   // moves at 25 and 50 ms
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].pointer.kind == PointerEventKind::Move);
    CHECK(steps[0].pointer.t == Approx(10.025));
    CHECK(steps[0].pointer.y == Approx(75.0f));
    CHECK(steps[1].pointer.y == Approx(50.0f));

    steps = player.Poll(10.2);    // moves at 75 and 100 ms, then the release
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].pointer.y == Approx(25.0f));
    CHECK(steps[1].pointer.y == 0.0f);
    CHECK(steps[2].pointer.kind == PointerEventKind::Release);
    CHECK(steps[2].pointer.t == Approx(10.1));
    CHECK(player.Finished());
}

TEST_CASE("wait delays the next command, and advance, type and key become steps")
{
    Diagnostics diag;
    InputScript script = Parse("type hi\nwait 500\nkey enter\nadvance 120\nscreenshot a.png\nheap\n", &diag);
    REQUIRE(diag.Empty());
    InputScriptPlayer player(script);

    std::vector<ScriptStep> steps = player.Poll(1.0);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::Text);
    CHECK(steps[0].text == "hi");

    CHECK(player.Poll(1.0).empty());   // the wait starts here, at 1.0
    CHECK(player.SecondsUntilNext(1.2) == Approx(0.3));
    CHECK(player.Poll(1.49).empty());

    steps = player.Poll(1.5);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::Key);
    CHECK(steps[0].key == ScriptKey::Enter);

    steps = player.Poll(1.6);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::Advance);
    CHECK(steps[0].seconds == 120.0);

    steps = player.Poll(121.6);   // the app moved its clock on
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::Screenshot);
    CHECK(steps[0].text == "a.png");
    steps = player.Poll(121.7);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::Heap);
    CHECK(steps[0].line == 6);
    CHECK(player.Finished());
    CHECK(player.SecondsUntilNext(121.6) == Session::kNoEventPending);
}

TEST_CASE("waitfor parses like expect and holds the script until its condition is met")
{
    Diagnostics diag;
    InputScript script = Parse("waitfor result sun-after\nwaitfor search-ready\nexpect result x\ntap 1 1\n", &diag);
    REQUIRE(diag.Items().empty());
    REQUIRE(script.commands.size() == 4);
    CHECK(script.commands[0].kind == ScriptCommandKind::WaitFor);
    CHECK(script.commands[0].text == "result sun-after");
    CHECK(script.commands[1].text == "search-ready");
    CHECK(script.commands[2].kind == ScriptCommandKind::Expect);
    CHECK(script.commands[2].text == "result x");
    CHECK(Parse("waitfor result\n", &diag).commands.empty());   // no ID
    CHECK(diag.ErrorCount() == 1);

    InputScriptPlayer player(std::move(script));
    std::vector<ScriptStep> steps = player.Poll(5.0);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::WaitFor);
    CHECK(steps[0].seconds == Approx(5.0 + kWaitForSeconds));   // when to give up
    player.Hold(steps[0], 5.0);
    CHECK(player.Poll(5.01).empty());   // nothing behind it runs meanwhile
    CHECK(player.SecondsUntilNext(5.01) == Approx(0.04));
    steps = player.Poll(5.06);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].kind == ScriptStep::Kind::WaitFor);   // asked again
    CHECK(steps[0].text == "result sun-after");
    steps = player.Poll(5.06);   // not held this time: the next command follows
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].text == "search-ready");
}
