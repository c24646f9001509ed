/// The board was asked to end by a signal (TERM, HUP, QUIT): golive exits with 128 + the
/// signal, as a shell expects, but only once the board's store and session are let go, as
/// on `q` — exiting from inside the board would skip closing the store.
struct EndedBySignal: Error {
    let status: Int32
}
