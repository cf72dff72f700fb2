import Notifications
import ServiceLifecycle

/// Delivers a depot's notifications beside the listeners and stops on graceful shutdown.
struct NotifierService: Service {
    let notifier: Notifier

    func run() async throws {
        try await cancelWhenGracefulShutdown { try await notifier.run() }
    }
}
