/** Settings shared by both runners. */

/**
 * User settings for the fresh profile: a quiet, offline workbench whose test folder is trusted (the extension's
 * full features, as most users have them), without the chat side bar.
 */
export const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};
