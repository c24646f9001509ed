import Foundation
import GoliveDomain
import GoliveIO
import GoliveStore

public struct StatusLine: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}
