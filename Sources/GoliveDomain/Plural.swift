/// "1 task", "2 tasks": counts in messages read as sentences.
public func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
