/** Engine API shapes of /volumes. */
export interface VolumeInfo {
  CreatedAt: string;
  Driver: "local";
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: "local";
}
