// The server's corpus status, fanned out to the status bar and the views (one notification handler per method).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Notifications, Requests, type CorpusStatus } from '../../server/src/shared/protocol';

export class CorpusEvents implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CorpusStatus>();
  /** Fires with every status the server sends (and the first one asked for after start). */
  readonly onStatus = this.emitter.event;
  /** Fires when the index changed (the status's generation moved). */
  private readonly changedEmitter = new vscode.EventEmitter<void>();
  readonly onIndexChanged = this.changedEmitter.event;
  private generation: number | undefined;
  last: CorpusStatus | undefined;

  constructor(readonly client: LanguageClient) {
    client.onNotification(Notifications.corpusStatus, (status: CorpusStatus) => this.accept(status));
  }

  /** Asks for the status once the client runs: notifications only come when something changes. */
  async poll(): Promise<void> {
    try {
      this.accept(await this.client.sendRequest<CorpusStatus>(Requests.corpusStatus));
    } catch {
      // The server is not there (stopped or crashed): the next notification brings the status.
    }
  }

  private accept(status: CorpusStatus): void {
    this.last = status;
    this.emitter.fire(status);
    if (status.generation !== this.generation) {
      this.generation = status.generation;
      this.changedEmitter.fire();
    }
  }

  dispose(): void {
    this.emitter.dispose();
    this.changedEmitter.dispose();
  }
}
