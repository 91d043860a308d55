package org.rnnlab.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a member sends back when a variant it trained ended: its status and failure, the files it could not
 * write, the variant folder's files, and how long the training took there.
 */
record VariantResult(String status, String failure, List<String> writeFailures, Map<String, byte[]> files,
                     long trainingNanos) implements Serializable {}
