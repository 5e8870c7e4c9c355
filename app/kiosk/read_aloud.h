// ReadAloud: the kiosk's side of read-aloud. The screens return a ReadAloud
// intent from a "Read aloud" or "Stop" button; this starts or stops the
// Speaker, stops it when the patient leaves (another screen or entry,
// another language, the idle warning, a session reset, new content), and
// asks for a redraw when the voice moves on, so the highlight follows it.
// When the kiosk has no sound device nothing is read and the screen says so
// (Notice). Listening counts as using the kiosk: the idle timer restarts at
// every part read.
//
// CAREKIOSK_SPEECH_OUTPUT=silent in the environment paces the highlight like
// the voice without opening a sound device, for tests on machines without one.
#pragma once
#include "content/content.h"
#include "kiosk_platform.h"
#include "session/session.h"
#include "speech/speech.h"
#include <memory>
#include <string>
#include <vector>

namespace ck {

class ReadAloud {
public:
    // Starts the speech worker; it wakes the loop whenever the segment changes.
    void Start(KioskPlatform& platform);
    // A tap on a Read aloud button: starts `target` ("page:<id>", "faq:<id>"),
    // or stops it when it is the one being read.
    void Toggle(const std::string& target, const Content& content, const Session& session);
    void Stop();
    // Once per frame: stops when the patient left the reading, and notes
    // progress as input. True when the screen must be drawn again.
    bool Follow(Session& session, double now);
    // A new patient starts at a moderate volume.
    void OnSessionReset();

    // What is being read once the voice is heard ("" = quiet, or the sound
    // device still opening).
    const std::string& Target() const { return segment_ >= 0 ? reading_ : kNone; }
    int Block() const;           // the block being read (-1: none, or the title or question)
    // The target whose reading could not start for want of a sound device,
    // while the patient stays where they tapped ("" = none).
    const std::string& Notice() const { return notice_; }
    // The status file's line: "speaking page:aftercare 3", "speaking off" or
    // "speaking no-sound page:aftercare".
    std::string Status() const;

private:
    static const std::string kNone;
    std::unique_ptr<Speaker> speaker_;    // its worker does every espeak-ng call
    std::string reading_;                 // "page:<id>" or "faq:<id>" asked for, "" = none
    std::string place_;                   // where it began: leaving it stops the voice
    std::vector<int> blocks_;             // block number of each segment being read
    int segment_ = -1;                    // the segment the last frame showed
    std::string notice_;                  // "no sound" for this target
    std::string notice_place_;            // shown until the patient leaves this place
};

} // namespace ck
