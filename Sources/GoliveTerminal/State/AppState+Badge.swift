extension AppState {
    /// What the header's right end says of the store, if anything: read-only, offline.
    var badge: String? {
        let marks = [readOnly ? "[RO]" : nil, offline ? "[offline]" : nil].compactMap { $0 }
        return marks.isEmpty ? nil : marks.joined(separator: " ")
    }
}
