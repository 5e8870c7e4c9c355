// Read-aloud through espeak-ng, offline. No GL, no ImGui.
//
// espeak-ng keeps its state in globals and is not thread-safe. Every espeak
// call in this library happens with one process-wide lock held; in the kiosk
// only the Speaker's worker thread makes them, so synthesis never runs on the
// render thread. (espeak-ng sets LC_CTYPE to a UTF-8 locale when it starts.)
//
// Sound goes out through espeak-ng's own audio output (pcaudiolib: PulseAudio
// or ALSA). Before each reading the Speaker opens the sound device with a few
// milliseconds of silence; when it cannot, nothing is read (NoSound()), so
// the kiosk can tell the patient instead of moving a highlight in silence.
// Output::Silent never opens a device: it synthesises each segment and waits
// as long as the audio would last, so the highlight moves at the voice's pace
// (tests, and machines without sound).
#pragma once
#include "document/speech_text.h"
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ck {

constexpr int kDefaultSpeechVolume = 70;   // percent of espeak-ng's normal volume; set again at every session reset

// Selects the voice for a language tag ("en", "es", "pt-BR"); when espeak-ng
// has none, the voice of `fallback_lang` (said once on stderr). Returns the
// voice's language as espeak-ng names it ("en-gb", "es", "pt-br"), or "" when
// espeak-ng cannot start. For tests and the `speak` command.
std::string SpeechVoiceFor(const std::string& lang, const std::string& fallback_lang = "en");

// Samples per second of what espeak-ng makes (0 when it cannot start).
int SpeechSampleRate();

// Synthesises `segments` in the voice for `lang` into a 16-bit mono WAV file
// at `path`. `segment_start_samples` (optional) receives, per segment, the
// sample at which it starts; `voice` (optional) the voice's language.
// Returns false with `error` set when espeak-ng cannot start or the file
// cannot be written. Runs on the calling thread (under the espeak lock).
bool SynthesizeToWav(const std::string& lang, const std::vector<SpeechSegment>& segments, const std::string& path,
                     std::vector<size_t>* segment_start_samples, std::string* error, std::string* voice = nullptr,
                     const std::string& fallback_lang = "en");

class Speaker {
public:
    enum class Output {
        Device,   // the sound device; without one nothing is read (NoSound)
        Silent,   // never open a sound device: paced like the voice, without sound (tests)
    };

    // `wake` is called on the worker whenever CurrentSegment() or
    // IsSpeaking() changes, so an event loop waiting for input can redraw;
    // it must be safe to call from another thread (glfwPostEmptyEvent is).
    explicit Speaker(std::function<void()> wake = {}, Output output = Output::Device);
    ~Speaker();   // stops reading and joins the worker
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Starts reading `segments` in the voice for `lang`, replacing whatever
    // was being read. Returns at once; the worker does the synthesis.
    void Speak(const std::string& lang, std::vector<SpeechSegment> segments, const std::string& fallback_lang = "en");
    // Stops at once (the current sentence is cut off). Harmless when idle.
    void Stop();
    // 0..100 percent; applies from the next sentence.
    void SetVolume(int percent);
    int Volume() const { return volume_.load(); }

    // True from Speak until the last segment has been read, Stop, or the
    // sound device could not be opened.
    bool IsSpeaking() const { return opening_.load() || current_.load() >= 0; }
    // Index into the segments being read; -1 when idle and while the sound
    // device is being opened (nothing is heard yet).
    int CurrentSegment() const { return current_.load(); }
    // True when the last Speak found no sound device: nothing was read.
    bool NoSound() const { return no_sound_.load(); }

private:
    struct Request {
        std::string lang, fallback_lang;
        std::vector<SpeechSegment> segments;
    };
    void Run();
    void Read(const Request& request, unsigned generation);
    bool OpenDevice();
    bool ReadAloud(const std::string& text, unsigned generation);
    void ReadSilently(const std::string& text, unsigned generation);
    bool Cancelled(unsigned generation) const { return generation_.load() != generation; }
    void SetCurrent(int segment, unsigned generation);
    void Finish(bool no_sound, unsigned generation);

    const std::function<void()> wake_;
    std::atomic<int> current_{-1};
    std::atomic<int> volume_{kDefaultSpeechVolume};
    std::atomic<unsigned> generation_{0};
    std::atomic<bool> opening_{false};   // from Speak until the device opened (or failed)
    std::atomic<bool> no_sound_{false};
    std::atomic<bool> reported_no_device_{false};   // said once on stderr
    const bool silent_;

    std::mutex mutex_;                 // guards the fields below
    std::condition_variable cv_;
    Request request_;
    bool pending_ = false;
    bool quit_ = false;
    std::thread worker_;               // last: starts after everything above exists
};

} // namespace ck
