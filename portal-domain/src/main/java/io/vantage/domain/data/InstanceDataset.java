package io.vantage.domain.data;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A dataset an instance was opened from: its folder, as the catalogue names it, belongs to the experiment. */
@Entity
@Table(name = "instance_datasets")
@IdClass(InstanceDataset.Key.class)
public class InstanceDataset {

    @Id
    private Long instanceId;
    @Id
    private String pid;
    private String experimentId;
    private String sourceFolder;

    protected InstanceDataset() {
    }

    public InstanceDataset(Long instanceId, String pid, String experimentId, String sourceFolder) {
        this.instanceId = Objects.requireNonNull(instanceId);
        this.pid = Objects.requireNonNull(pid);
        this.experimentId = Objects.requireNonNull(experimentId);
        this.sourceFolder = Objects.requireNonNull(sourceFolder);
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public String getPid() {
        return pid;
    }

    public String getExperimentId() {
        return experimentId;
    }

    public String getSourceFolder() {
        return sourceFolder;
    }

    public static class Key implements Serializable {
        private Long instanceId;
        private String pid;

        public Key() {
        }

        public Key(Long instanceId, String pid) {
            this.instanceId = instanceId;
            this.pid = pid;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(instanceId, key.instanceId) && Objects.equals(pid, key.pid);
        }

        @Override
        public int hashCode() {
            return Objects.hash(instanceId, pid);
        }
    }
}
