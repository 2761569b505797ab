// Incremental RFC 4180 tokenizer: bytes in (any chunk sizes), records out. Handles quoted fields
// with embedded delimiters, doubled quotes and line breaks, CRLF/LF/CR line ends, and recovers
// from a quote that is never closed by reading it as an ordinary character. A record longer than
// its size limit stops the reading, so an endless line is never buffered.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/import/byte_block_scanner.hpp"

namespace radar {

struct CsvRecord {
    // The fields' unescaped bytes, each followed by one separator byte (the last one excepted).
    std::string_view buffer;
    const std::uint32_t* field_ends = nullptr;  // end offset of each field in `buffer`
    std::size_t field_count = 0;
    std::uint32_t row = 0;          // record number (1-based): the row number Excel shows
    std::uint32_t line = 0;         // line of the file where the record starts (1-based)
    bool has_non_ascii = false;     // some field holds bytes >= 0x80 (decode before use)
    bool unbalanced_quote = false;  // a quote opened in this record was never closed

    std::string_view field(std::size_t index) const {
        const std::uint32_t begin = index == 0 ? 0 : field_ends[index - 1] + 1;
        return std::string_view(buffer.data() + begin, field_ends[index] - begin);
    }
    // An empty line, or nothing but delimiters and "".
    bool is_blank() const { return field_ends[field_count - 1] == field_count - 1; }
};

// The size limit of one record (1 MiB): ImportLimits::max_record_bytes.
constexpr std::size_t default_max_record_bytes = std::size_t{1} << 20;

class CsvRecordSink {
public:
    virtual void on_record(const CsvRecord& record) = 0;
    // The record numbered `row`, starting on `line`, ran past the size limit (`in_quotes`: inside
    // a quoted field). The tokenizer reads nothing more; a sink that does not care ignores it.
    virtual void on_record_too_long(std::uint32_t /*row*/, std::uint32_t /*line*/, bool /*in_quotes*/) {}

protected:
    ~CsvRecordSink() = default;
};

class CsvTokenizer {
public:
    // `first_line`: line number of the first byte fed (2 when a "sep=;" line was stripped).
    // `max_record_bytes`: the most bytes one record may take in the file, its line break not
    // counted (a quoted field's line breaks are).
    CsvTokenizer(char delimiter, std::uint32_t first_line = 1, std::size_t max_record_bytes = default_max_record_bytes);

    void feed(std::string_view bytes, CsvRecordSink& sink);
    // Ends the last record (a file need not end with a line break).
    void finish(CsvRecordSink& sink);

    // Records emitted so far (blank ones included).
    std::uint32_t records() const { return next_row_ - 1; }
    // A record ran past the size limit: nothing more is read.
    bool stopped() const { return too_long_; }

    // [SECTION] Records kept for a batch
    // A record's bytes (when copied) and field ends are reused for the next record, unless the
    // sink calls keep_record() in on_record: they then stay, at the same offsets from
    // kept_bytes() and kept_field_ends(), until release_records(). Those two move as more records
    // are kept, so a sink remembers offsets and takes the pointers only when it uses them.
    void keep_record() { keep_current_ = true; }
    // The kept records are used: their room is reused (a record being emitted is not affected).
    void release_records();
    std::string_view kept_bytes() const { return buffer_; }
    const std::uint32_t* kept_field_ends() const { return field_ends_.data(); }

private:
    enum class State : std::uint8_t { field_start, unquoted, quoted, quote_in_quoted, after_cr };
    // Runs the state machine over `input`. When an unclosed quote is detected, returns the
    // position where reading must continue after the replayed bytes in `replay`.
    const char* run(const char* p, const char* end, CsvRecordSink& sink, std::string& replay);
    // How far in [p, end) the current record may be read (its line break included) before it
    // is too long; `begin` is where this input started.
    const char* record_limit(const char* begin, const char* p, const char* end) const;
    // Bytes of the current record read up to `p`.
    std::uint64_t record_bytes(const char* begin, const char* p) const {
        return position_ + static_cast<std::uint64_t>(p - begin) - record_start_;
    }
    void stop_too_long(CsvRecordSink& sink);
    // Turns the open quoted field back into raw text (opening quote included) to read again.
    void take_back_quoted_field(std::string& replay, bool with_closing_quote);
    void process(std::string_view input, CsvRecordSink& sink);
    // Ends the current field; `at` is where its delimiter is in the input (the field's bytes up to
    // there are not copied yet). Forced inline: it runs once per field and em++ otherwise leaves it
    // as a call.
    [[gnu::always_inline]] void end_field(const char* at) {
        if (direct_)
            field_ends_.push_back(static_cast<std::uint32_t>(at - uncopied_from_));
        else
            field_ends_.push_back(
                static_cast<std::uint32_t>(buffer_.size() - record_bytes_at_ + (at - uncopied_from_)));
    }
    void emit(CsvRecordSink& sink);
    // Copies the current record's bytes from uncopied_from_ up to `upto` to buffer_ (from here on
    // the record is copied), in one piece.
    void copy_uncopied(const char* upto);
    // Drops the kept records' bytes and field ends before the current record's.
    void drop_kept_records();

    char delimiter_;
    std::size_t max_record_bytes_;
    ByteBlockScanner scanner_;  // finds the bytes that end an unquoted run: delimiter, CR, LF, >= 0x80

    State state_ = State::field_start;
    bool in_record_ = false;
    // Most records lie inside one chunk and hold no quotes: they are handed over in place
    // (`direct_`, starting at uncopied_from_ in the input); the others are copied to buffer_.
    // A copied record's unquoted fields are copied when a quoted field opens or the record or
    // the input ends, together with the delimiters between them: until then they start at
    // uncopied_from_.
    bool direct_ = false;
    const char* uncopied_from_ = nullptr;
    // The kept records, then the current one: its bytes (when copied) from record_bytes_at_, its
    // field ends from record_fields_at_.
    std::string buffer_;
    std::vector<std::uint32_t> field_ends_;
    std::size_t record_bytes_at_ = 0;
    std::size_t record_fields_at_ = 0;
    bool emitting_ = false;                 // in the sink's on_record
    bool keep_current_ = false;             // the sink keeps the record being emitted
    bool release_pending_ = false;          // the sink released the kept records during on_record
    std::size_t quote_start_ = 0;           // where the open quoted field's content starts in the record's bytes
    std::uint32_t quoted_line_breaks_ = 0;  // line breaks inside the open quoted field
    bool has_non_ascii_ = false;
    bool unbalanced_quote_ = false;
    std::uint32_t line_;
    std::uint32_t record_line_ = 0;
    std::uint32_t next_row_ = 1;
    // Bytes read before the current input (taken-back bytes are read again, so they are
    // subtracted), and where the current record started in that count.
    std::uint64_t position_ = 0;
    std::uint64_t record_start_ = 0;
    bool too_long_ = false;
};

}  // namespace radar
