package io.vantage.cloud.api;

import java.util.List;

public interface SecurityGroups {

    SecurityGroups NONE = List::of;

    List<CloudSecurityGroup> list();
}
