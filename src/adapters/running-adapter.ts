/** A started chat adapter. */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
}
