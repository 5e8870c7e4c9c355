// ScriptDriver. See script_driver.h.
#include "script_driver.h"

#include "content/image_decode.h"   // WritePng
#include "widgets/keyboard.h"
#include <cstdio>
#include <malloc.h>

namespace ck {

void ScriptDriver::Load(InputScript script)
{
    player_ = std::make_unique<InputScriptPlayer>(std::move(script));
}

bool ScriptDriver::RunDue(double now, Session& session, const Queries& queries)
{
    if (!player_)
        return false;
    const std::vector<ScriptStep> steps = player_->Poll(now);
    for (const ScriptStep& step : steps) {
        switch (step.kind) {
        case ScriptStep::Kind::Pointer:
            pointer_.push_back(step.pointer);
            break;
        case ScriptStep::Kind::Press: {
            float x = 0, y = 0;
            if (!queries.find_button(step.text, &x, &y)) {
                std::fprintf(stderr, "%s:%d: no button labelled \"%s\" on %s\n", player_->File().c_str(), step.line,
                             step.text.c_str(), SessionScreenName(session).c_str());
                failures_++;
                break;
            }
            constexpr double kTapSeconds = 0.08;
            pointer_.push_back(PointerEvent{PointerEventKind::Press, x, y, now});
            pointer_.push_back(PointerEvent{PointerEventKind::Release, x, y, now + kTapSeconds});
            break;
        }
        case ScriptStep::Kind::Text:
            // The intents the on-screen keyboard gives, one key at a time.
            for (const Intent& intent : ui::TypeIntents(step.text))
                session.Apply(intent, now);
            break;
        case ScriptStep::Kind::Key:
            if (step.key == ScriptKey::Backspace)
                session.Apply(Intent{IntentKind::SearchBackspace, std::string(), 0}, now);
            else
                session.NoteInput(now);   // Enter and Escape do nothing on a kiosk
            break;
        case ScriptStep::Kind::Advance:
            clock_offset_ += step.seconds;
            break;
        case ScriptStep::Kind::Screenshot:
            capture_path_ = step.text;
            break;
        case ScriptStep::Kind::Expect:
            session.Tick(now);   // right after an `advance`, the idle timers must have run
            if (!queries.holds(step.text)) {
                std::fprintf(stderr, "%s:%d: expected %s, the kiosk shows %s\n", player_->File().c_str(), step.line,
                             step.text.c_str(), SessionScreenName(session).c_str());
                failures_++;
            }
            break;
        case ScriptStep::Kind::WaitFor:
            session.Tick(now);
            if (queries.holds(step.text))
                break;
            if (now < step.seconds) {
                player_->Hold(step, now);
                break;
            }
            std::fprintf(stderr, "%s:%d: waited %.0f s for %s; the kiosk shows %s\n", player_->File().c_str(),
                         step.line, kWaitForSeconds, step.text.c_str(), SessionScreenName(session).c_str());
            failures_++;
            break;
        case ScriptStep::Kind::Heap: {
            // What the program has allocated and not freed, in every arena
            // and in blocks mapped on their own: a leak grows it. Resident
            // memory also counts the pages freed blocks leave partly used,
            // which move with where each worker's arena happened to put
            // things, not with what is held.
            const struct mallinfo2 info = mallinfo2();
            std::fprintf(stderr, "%s:%d: heap %zu kB in use\n", player_->File().c_str(), step.line,
                         (info.uordblks + info.hblkhd) / 1024);
            break;
        }
        case ScriptStep::Kind::Quit:
            quit_ = true;
            break;
        }
    }
    return !steps.empty();
}

std::vector<PointerEvent> ScriptDriver::TakePointerEvents()
{
    std::vector<PointerEvent> events;
    events.swap(pointer_);
    return events;
}

double ScriptDriver::SecondsUntilNext(double now) const
{
    if (!player_ || player_->Finished())
        return 86400.0;
    return player_->SecondsUntilNext(now);
}

void ScriptDriver::Capture(const KioskPlatform& platform)
{
    std::vector<unsigned char> rgba;
    if (!platform.ReadPixels(&rgba) || !WritePng(capture_path_, platform.Width(), platform.Height(), rgba)) {
        std::fprintf(stderr, "carekiosk: cannot write %s\n", capture_path_.c_str());
        failures_++;
    }
    capture_path_.clear();
}

} // namespace ck
