// Input scripts for `carekiosk --script FILE`: a list of touches, keys and
// checks that the app replays through the same path as real input, for
// demos, screenshots and end-to-end tests.
//
// One command per line; blank lines and lines starting with '#' are ignored,
// and a word starting with '#' ends the line (except in `type`):
//   tap X Y                       press and release at (X, Y) pixels
//   drag X1 Y1 X2 Y2 DURATION_MS  press, move in a straight line, release
//   press LABEL                   tap the middle of the button labelled LABEL (the rest
//                                 of the line) on the screen drawn last; a failed expect
//                                 when there is none
//   type TEXT                     the rest of the line, UTF-8
//   key NAME                      backspace | enter | escape
//   wait MS                       pause before the next command
//   advance SECONDS               move the kiosk clock forward (idle tests)
//   screenshot FILE.png           save the next frame
//   heap                          print the bytes malloc holds in use to stderr (memory soaks)
//   expect SCREEN                 home | faq | faq:ID | search | page:ID | idle-warning | attract
//   expect STATE                  scrolled | top (the current screen's scroll offset),
//                                 query-empty, text-size STEP, contrast on|off, language TAG,
//                                 search-ready (results shown for the query typed),
//                                 result ID (the first question or page shown for it),
//                                 keyboard letters|digits|hidden, query TEXT (the query typed),
//                                 entry-at-top (the open FAQ question in the screen's top quarter),
//                                 place BLOCK (a page's first block starting in view, pre-order number),
//                                 notice TEXT (the message drawn over the screen, such as
//                                 "Sound is not available on this kiosk"), reading off|TARGET
//                                 (what the voice reads: page:ID, faq:ID), reading-in-view |
//                                 reading-away (the part being read is on screen, or not)
//                                 picture | no-picture (a picture shown full screen, or none),
//                                 suggested ID... (the search screen's first suggested questions, in order)
//                                 video playing|paused|ended|failed|off (the page's clip),
//                                 caption TEXT (TEXT is part of the caption on screen)
//   waitfor SCREEN | STATE        the next command waits until this holds; after 10 s
//                                 it counts as a failed expect and the script goes on
//   quit
// Parsing never throws: problems become diagnostics (file:line:column) and
// the bad line is skipped.
#pragma once
#include "base/diagnostics.h"
#include "session/session.h"
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace ck {

// ---------------------------------------------------------------------------
// [SECTION] Parsed script
// ---------------------------------------------------------------------------

enum class ScriptCommandKind { Tap, Drag, Press, Type, Key, Wait, Advance, Screenshot, Expect, WaitFor, Heap, Quit };

enum class ScriptKey { Backspace, Enter, Escape };

struct ScriptCommand {
    ScriptCommandKind kind = ScriptCommandKind::Quit;
    int line = 0;              // 1-based line in the script
    float x1 = 0.0f, y1 = 0.0f;   // Tap, Drag: where the finger goes down
    float x2 = 0.0f, y2 = 0.0f;   // Drag: where it lifts
    double seconds = 0.0;      // Drag: duration; Wait: pause; Advance: clock jump (all in seconds)
    std::string text;          // Type: text; Screenshot: file; Expect, WaitFor: screen or state
    ScriptKey key = ScriptKey::Enter;   // Key
};

constexpr double kWaitForSeconds = 10.0;   // how long `waitfor` waits before it fails

struct InputScript {
    std::string file;
    std::vector<ScriptCommand> commands;
};

InputScript ParseInputScript(std::string_view text, const std::string& file, Diagnostics* diag);

const char* ScriptCommandName(ScriptCommandKind kind);   // "tap", "drag" ...
const char* ScriptKeyName(ScriptKey key);                // "backspace", "enter", "escape"

// Whether the session shows `screen` (an `expect` argument). Route names
// match during the idle warning too (it is an overlay), not on the attract
// screen; "faq:ID" also needs entry ID expanded. State checks come as the
// parser joined them: "scrolled", "text-size 1", "contrast off" ...
// "search-ready" and "result ID" need the search results, which the session
// does not hold: the app answers those (false here).
bool ExpectationHolds(const std::string& screen, const Session& session);

// ---------------------------------------------------------------------------
// [SECTION] Player
// ---------------------------------------------------------------------------

enum class PointerEventKind { Press, Move, Release };

struct PointerEvent {
    PointerEventKind kind = PointerEventKind::Move;
    float x = 0.0f;
    float y = 0.0f;
    double t = 0.0;            // when it happens, on the clock passed to Poll
};

// One thing for the app to do, in order.
struct ScriptStep {
    enum class Kind { Pointer, Press, Text, Key, Advance, Screenshot, Expect, WaitFor, Heap, Quit };
    Kind kind = Kind::Pointer;
    double t = 0.0;            // when it falls due (equals pointer.t for Pointer)
    PointerEvent pointer;      // Pointer
    std::string text;          // Text: UTF-8 to type; Screenshot: file; Expect: screen
    ScriptKey key = ScriptKey::Enter;   // Key
    double seconds = 0.0;      // Advance: the clock jump; WaitFor: when to give up (on Poll's clock)
    int line = 0;              // script line, for messages
};

struct ScriptPlayerSettings {
    double move_interval = 1.0 / 60.0;   // a drag becomes one move per interval
    double tap_seconds = 0.05;           // how long a tap holds the finger down
};

// Turns a parsed script into steps over time. The app calls Poll(now) once
// per frame and handles the steps in order: pointer events through the same
// code as the mouse, the rest as they say. Each Poll returns at most one
// discrete step (press, release, text, key, advance, screenshot, expect,
// heap, quit), after any moves due before it, so every button change and check
// gets a frame of its own. A command starts at the first Poll after the
// previous one finished, so `advance` (a clock jump) does not squash later
// commands together.
class InputScriptPlayer {
public:
    explicit InputScriptPlayer(InputScript script, ScriptPlayerSettings settings = ScriptPlayerSettings());

    std::vector<ScriptStep> Poll(double now);
    bool Finished() const;
    // For the event loop's wait timeout: 0 when a step is due now.
    double SecondsUntilNext(double now) const;
    const std::string& File() const { return script_.file; }
    // A WaitFor step whose condition does not hold yet: it comes back from
    // Poll a moment later, and nothing after it runs before then.
    void Hold(ScriptStep step, double now);

private:
    void Expand(const ScriptCommand& command, double start);

    InputScript script_;
    ScriptPlayerSettings settings_;
    size_t next_command_ = 0;
    double ready_at_ = -1.0e300;   // after a `wait`: the next command starts no earlier
    bool quit_ = false;
    std::deque<ScriptStep> pending_;   // steps of the command in progress, in time order
};

// The timed pointer events of a tap or drag starting at `start` (for tests
// and for anyone replaying gestures without a script).
std::vector<PointerEvent> GesturePointerEvents(const ScriptCommand& command, double start,
                                               const ScriptPlayerSettings& settings = ScriptPlayerSettings());

} // namespace ck
