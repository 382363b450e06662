package io.vantage.cloud.local;

import io.vantage.cloud.api.SettingDescriptor;

import java.util.List;

/** The local provider's settings as the admin console and the docs show them; defaults as in {@link LocalSettings}. */
final class LocalSettingDescriptors {

    static final List<SettingDescriptor> ALL = List.of(
            SettingDescriptor.optional("work-dir", "Folder for instance records, logs, secrets and home folders; "
                    + "with a user per instance, every folder above it must let other users through (o+x)",
                    LocalSettings.DEFAULT_WORK_DIR),
            SettingDescriptor.optional("bind-address", "IPv4 address the desktops and notebooks listen on",
                    "127.0.0.1"),
            SettingDescriptor.optional("vnc-port", "Well-known VNC port the portal asks for", "5901"),
            SettingDescriptor.optional("jupyter-port", "Well-known Jupyter port the portal asks for", "8888"),
            SettingDescriptor.optional("jupyter-base-url", "Notebook base URL; {uid} becomes the instance uid",
                    LocalSettings.DEFAULT_BASE_URL),
            SettingDescriptor.optional("jupyter-allow-origin", "Jupyter's allow_origin", "*"),
            SettingDescriptor.optional("first-display", "First X display number tried for desktops", "100"),
            SettingDescriptor.optional("start-timeout", "How long a launch may take until its port answers", "30s"),
            SettingDescriptor.optional("stop-grace", "Time between SIGTERM and SIGKILL when stopping", "5s"),
            SettingDescriptor.optional("max-instances", "Instances this deployment may run at once; empty = no limit",
                    null),
            SettingDescriptor.optional("executable-path", "Where Xvnc, openbox, jupyter-notebook are looked up, and "
                    + "the PATH of the instances; empty = the portal's PATH", "/usr/local/bin:/usr/bin:/bin"),
            SettingDescriptor.optional("isolation", "users: each instance runs as a Unix user of its own, who "
                    + "cannot read other instances or the portal's data (needs the portal to run as root); none: all "
                    + "run as the portal's user and can read each other; empty = users when root, else none",
                    "users"));

    private LocalSettingDescriptors() {
    }
}
