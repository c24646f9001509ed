import Foundation

/// Walks an export file's top-level object a buffer at a time and hands over each
/// top-level value, or each element of a top-level list, as its own bytes — never the whole
/// file: a 10,000-account export is 600 MB.
///
/// It only finds where values begin and end (brackets outside strings); what is inside
/// each value is parsed by `JSONDecoder`, which refuses anything the scanner let through.
/// Foundation has no streaming JSON reader, and holding the file and its decoded tree at
/// once took 1.4 GB.
struct ExportScanner {
    /// What to do with one top-level member.
    enum Use {
        /// Hand over each element of the list (the member must be a list).
        case elements
        /// Hand over the value whole.
        case value
        /// Step over the list, counting its elements (the member must be a list).
        case count
        /// Step over it, whatever it is.
        case skip
    }

    enum Piece {
        case element(key: String, index: Int, bytes: [UInt8])
        case value(key: String, bytes: [UInt8])
        /// A list handed over or counted has ended, after `count` elements.
        case end(key: String, count: Int)
    }

    let path: String
    private let fd: Int32
    private var buffer: [UInt8]
    private var position = 0
    private var filled = 0
    /// Bytes of the file before `buffer`'s first one: where a problem is, for its message.
    private var consumed = 0

    init(path: String, bufferSize: Int = 1 << 20) throws {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw FileError(file: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    func close() {
        Glibc.close(fd)
    }

    /// Walks the file from its start; `use` decides per top-level key.
    mutating func scan(_ use: (String) -> Use, _ body: (Piece) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), "the file does not begin with '{'")
        var first = true
        while true {
            guard let b = try peekSignificant() else { throw invalid("the file ends inside the document") }
            if b == UInt8(ascii: "}") {
                position += 1
                break
            }
            if !first { try expect(UInt8(ascii: ","), "expected ',' or '}'") }
            first = false
            guard try peekSignificant() == UInt8(ascii: "\"") else { throw invalid("expected a key in quotes") }
            var keyBytes: [UInt8] = []
            try captureValue(into: &keyBytes)
            let key = try decodeKey(keyBytes)
            try expect(UInt8(ascii: ":"), "expected ':' after \"\(key)\"")
            guard try peekSignificant() != nil else { throw invalid("the file ends inside the document") }
            switch use(key) {
            case .value:
                var bytes: [UInt8] = []
                try captureValue(into: &bytes)
                try body(.value(key: key, bytes: bytes))
            case .elements:
                try list(key, capture: true, body)
            case .count:
                try list(key, capture: false, body)
            case .skip:
                if try peekSignificant() == UInt8(ascii: "[") {
                    try list(key, capture: false, body)
                } else {
                    var ignored: [UInt8] = []
                    try captureValue(into: &ignored, keeping: false)
                }
            }
        }
        if try peekSignificant() != nil { throw invalid("more follows the document") }
    }

    private mutating func list(_ key: String, capture: Bool, _ body: (Piece) throws -> Void) throws {
        try expect(UInt8(ascii: "["), "\"\(key)\" is not a list")
        var count = 0
        while true {
            guard let b = try peekSignificant() else { throw invalid("the file ends inside \"\(key)\"") }
            if b == UInt8(ascii: "]") {
                position += 1
                break
            }
            if count > 0 { try expect(UInt8(ascii: ","), "expected ',' or ']' in \"\(key)\"") }
            guard try peekSignificant() != nil else { throw invalid("the file ends inside \"\(key)\"") }
            if capture {
                var bytes: [UInt8] = []
                try captureValue(into: &bytes)
                try body(.element(key: key, index: count, bytes: bytes))
            } else {
                var ignored: [UInt8] = []
                try captureValue(into: &ignored, keeping: false)
            }
            count += 1
        }
        try body(.end(key: key, count: count))
    }

    private func decodeKey(_ bytes: [UInt8]) throws -> String {
        do {
            return try JSONDecoder().decode(String.self, from: Data(bytes))
        } catch {
            throw invalid("a key is not valid JSON text")
        }
    }

    private func invalid(_ what: String) -> FileError {
        FileError(file: path, reason: "not valid JSON (\(what), at byte \(consumed + position))")
    }

    /// Fills the buffer again when it is used up; false at the end of the file.
    private mutating func refill() throws -> Bool {
        consumed += filled
        position = 0
        filled = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                throw FileError(file: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
            }
            filled = n
            return n > 0
        }
    }

    /// The next byte that is not white space, left unread; nil at the end of the file.
    private mutating func peekSignificant() throws -> UInt8? {
        while true {
            if position == filled {
                guard try refill() else { return nil }
            }
            let b = buffer[position]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
                position += 1
            } else {
                return b
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ problem: String) throws {
        guard try peekSignificant() == byte else { throw invalid(problem) }
        position += 1
    }

    /// Reads one value from the next significant byte to its end: a string to its closing
    /// quote, an object or list to the bracket that closes it, anything else to the next
    /// ',', ']', '}' or white space. Its bytes go to `out` when `keeping`.
    private mutating func captureValue(into out: inout [UInt8], keeping: Bool = true) throws {
        guard let opening = try peekSignificant() else { throw invalid("the file ends where a value should be") }
        let compound = opening == UInt8(ascii: "{") || opening == UInt8(ascii: "[")
        let string = opening == UInt8(ascii: "\"")
        var depth = 0
        var inString = false
        var escaped = false
        while true {
            if position == filled {
                guard try refill() else { throw invalid("the file ends inside a value") }
            }
            let from = position
            var done = false
            buffer.withUnsafeBufferPointer { bytes in
                var i = position
                while i < filled {
                    let b = bytes[i]
                    if inString {
                        if escaped {
                            escaped = false
                        } else if b == UInt8(ascii: "\\") {
                            escaped = true
                        } else if b == UInt8(ascii: "\"") {
                            inString = false
                            if string {
                                i += 1
                                done = true
                                break
                            }
                        }
                    } else if !compound && !string {
                        if b == UInt8(ascii: ",") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == 0x20
                            || b == 0x0A || b == 0x0D || b == 0x09
                        {
                            done = true
                            break
                        }
                    } else if b == UInt8(ascii: "\"") {
                        inString = true
                    } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                        depth += 1
                    } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                        depth -= 1
                        if depth == 0 {
                            i += 1
                            done = true
                            break
                        }
                    }
                    i += 1
                }
                position = i
            }
            if keeping { out.append(contentsOf: buffer[from..<position]) }
            if done { return }
            if !compound && !string && position == filled {
                // A number or word at the very end of the file ends there.
                if try !refill() { return }
            }
        }
    }
}
