// ReadAloud: the kiosk's side of read-aloud. The screens return a ReadAloud
// intent from the "Read aloud" button of a page or an open FAQ answer; this
// starts or stops the Speaker, stops it when the patient leaves (another
// screen or entry, another language, the idle warning, a session reset, new
// content), and asks for a redraw when the voice moves on, so the highlight
// follows it. Listening counts as using the kiosk: the idle timer restarts
// at every part read.
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

    const std::string& Target() const { return reading_; }   // "" = quiet
    int Block() const;           // the block being read (-1: none, or the title or question)
    std::string Status() const;  // the status file's line: "speaking page:aftercare 3" or "speaking off"

private:
    std::unique_ptr<Speaker> speaker_;    // its worker does every espeak-ng call
    std::string reading_;                 // "page:<id>" or "faq:<id>" being read, "" = none
    std::string place_;                   // where it began: leaving it stops the voice
    std::vector<int> blocks_;             // block number of each segment being read
    int segment_ = -1;                    // the segment the last frame showed
};

} // namespace ck
