package io.github.umdf.tribuo;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import com.oracle.labs.mlrg.olcut.config.protobuf.ProtoProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.config.protobuf.protos.RootProvenanceProto;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.tribuo.output.OutputAdapter;
import io.github.umdf.tribuo.provenance.ConfiguredObjects;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The protobuf form of a {@link MultimodalModel}, written and read with protobuf's wire-format
 * primitives rather than generated classes. The {@link ModelProto}'s {@code serialized_data} is an
 * {@link Any} of type {@value #TYPE_URL} whose value is, in {@code .proto} terms:
 *
 * <pre>
 * message MultimodalModelProto {
 *   tribuo.core.ModelDataProto metadata = 1;    // name, provenance, feature and output domains (Tribuo's carrier)
 *   olcut.RootProvenanceProto spec = 2;          // the ModelSpec's provenance, rebuilt through OLCUT
 *   string adapter_class = 3;                    // an OutputAdapter with a no-argument constructor
 *   SchemaProto schema = 4;
 *   bytes parameters = 5;                        // the network parameters in DJL's block format
 *   SummaryProto summary = 6;
 * }
 * message SchemaProto {
 *   string name = 1; string task = 2; repeated string labels = 3; repeated ModalityProto modalities = 4;
 *   double label_min = 5; double label_max = 6;  // both present or both absent
 * }
 * message ModalityProto { string name = 1; int32 length = 2; int32 dim = 3; }
 * message SummaryProto {
 *   int32 best_epoch = 1; bool stopped_early = 2; repeated double validation_losses = 3;
 *   string metric_name = 4; repeated double validation_metrics = 5;
 *   int32 training_samples = 6; int32 validation_samples = 7;
 * }
 * </pre>
 *
 * Unknown fields are skipped, so later versions may add fields.
 */
final class ModelProtoCodec {
    /** The type URL of the {@link Any} payload. */
    static final String TYPE_URL = "type.googleapis.com/io.github.umdf.tribuo.MultimodalModelProto";

    private static final ProtoProvenanceSerialization PROVENANCE_SERIALIZER = new ProtoProvenanceSerialization(false);

    private ModelProtoCodec() {
    }

    static <T extends Output<T>> ModelProto serialize(MultimodalModel<T> model, ModelDataCarrier<T> carrier, int version) {
        try {
            ByteString.Output bytes = ByteString.newOutput();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeBytes(1, carrier.serialize().toByteString());
            out.writeBytes(2, PROVENANCE_SERIALIZER.serializeToProto(ProvenanceUtil.marshalProvenance(model.spec().getProvenance()))
                    .toByteString());
            out.writeString(3, model.adapter().getClass().getName());
            out.writeBytes(4, schema(model.schema()));
            out.writeBytes(5, ByteString.copyFrom(model.parameterBytes()));
            out.writeBytes(6, summary(model.trainingSummary()));
            out.flush();
            Any payload = Any.newBuilder().setTypeUrl(TYPE_URL).setValue(bytes.toByteString()).build();
            return ModelProto.newBuilder().setVersion(version).setClassName(MultimodalModel.class.getName())
                    .setSerializedData(payload).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the protobuf form of " + model.getName(), e);
        }
    }

    static MultimodalModel<?> deserialize(Any message) throws InvalidProtocolBufferException {
        if (!TYPE_URL.equals(message.getTypeUrl())) {
            throw new InvalidProtocolBufferException("Expected a payload of type " + TYPE_URL + ", found " + message.getTypeUrl());
        }
        ModelDataCarrier<?> carrier = null;
        ModelSpec spec = null;
        String adapterClass = null;
        DatasetSchema schema = null;
        byte[] parameters = null;
        TrainingSummary summary = null;
        try {
            CodedInputStream in = message.getValue().newCodedInput();
            in.setSizeLimit(Integer.MAX_VALUE);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1:
                        carrier = ModelDataCarrier.deserialize(ModelDataProto.parseFrom(in.readBytes()));
                        break;
                    case 2:
                        ObjectProvenance p = ProvenanceUtil.unmarshalProvenance(
                                PROVENANCE_SERIALIZER.deserializeFromProto(RootProvenanceProto.parseFrom(in.readBytes())));
                        spec = ConfiguredObjects.rebuild((ConfiguredObjectProvenance) p, ModelSpec.class);
                        break;
                    case 3:
                        adapterClass = in.readString();
                        break;
                    case 4:
                        schema = schema(in.readBytes().newCodedInput());
                        break;
                    case 5:
                        parameters = in.readByteArray();
                        break;
                    case 6:
                        summary = summary(in.readBytes().newCodedInput());
                        break;
                    default:
                        in.skipField(tag);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
        if (carrier == null || spec == null || adapterClass == null || schema == null || parameters == null || summary == null) {
            throw new InvalidProtocolBufferException("Incomplete MultimodalModel protobuf: expected metadata, spec, adapter_class, "
                    + "schema, parameters and summary");
        }
        return build(carrier, adapter(adapterClass), spec, schema, parameters, summary);
    }

    @SuppressWarnings("unchecked") // the adapter's output type is checked against the output domain
    private static <T extends Output<T>> MultimodalModel<T> build(ModelDataCarrier<?> carrier, OutputAdapter<?> adapter, ModelSpec spec,
                                                                  DatasetSchema schema, byte[] parameters, TrainingSummary summary) {
        ImmutableOutputInfo<?> info = carrier.outputDomain();
        info.getDomain().forEach(o -> {
            if (!adapter.outputType().isInstance(o)) {
                throw new IllegalArgumentException("The adapter " + adapter + " converts " + adapter.outputType().getSimpleName()
                        + " but the model's outputs are " + o.getClass().getSimpleName());
            }
        });
        return new MultimodalModel<>(carrier.name(), carrier.provenance(), carrier.featureDomain(), (ImmutableOutputInfo<T>) info, spec,
                schema, parameters, (OutputAdapter<T>) adapter, summary);
    }

    private static OutputAdapter<?> adapter(String className) throws InvalidProtocolBufferException {
        try {
            Class<?> c = Class.forName(className, false, ModelProtoCodec.class.getClassLoader());
            if (!OutputAdapter.class.isAssignableFrom(c)) {
                throw new InvalidProtocolBufferException("Class " + className + " is not an OutputAdapter");
            }
            return (OutputAdapter<?>) c.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new InvalidProtocolBufferException("Cannot create the output adapter " + className + ": " + e);
        }
    }

    private static ByteString schema(DatasetSchema schema) throws IOException {
        ByteString.Output bytes = ByteString.newOutput();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeString(1, schema.name());
        out.writeString(2, schema.task().key());
        for (String label : schema.labelNames()) {
            out.writeString(3, label);
        }
        for (Map.Entry<Modality, ModalityShape> e : schema.shapes().entrySet()) {
            ByteString.Output m = ByteString.newOutput();
            CodedOutputStream mo = CodedOutputStream.newInstance(m);
            mo.writeString(1, e.getKey().key());
            mo.writeInt32(2, e.getValue().length());
            mo.writeInt32(3, e.getValue().dim());
            mo.flush();
            out.writeBytes(4, m.toByteString());
        }
        if (schema.labelMin().isPresent()) {
            out.writeDouble(5, schema.labelMin().getAsDouble());
            out.writeDouble(6, schema.labelMax().getAsDouble());
        }
        out.flush();
        return bytes.toByteString();
    }

    private static DatasetSchema schema(CodedInputStream in) throws IOException {
        String name = null;
        Task task = null;
        List<String> labels = new ArrayList<>();
        List<Object[]> modalities = new ArrayList<>();
        Double min = null;
        Double max = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1: name = in.readString(); break;
                case 2: task = Task.parse(in.readString()); break;
                case 3: labels.add(in.readString()); break;
                case 4: modalities.add(modality(in.readBytes().newCodedInput())); break;
                case 5: min = in.readDouble(); break;
                case 6: max = in.readDouble(); break;
                default: in.skipField(tag);
            }
        }
        if (name == null || task == null) {
            throw new InvalidProtocolBufferException("Schema without name or task");
        }
        DatasetSchema.Builder b = DatasetSchema.builder(name, task).labels(labels);
        for (Object[] m : modalities) {
            b.modality((Modality) m[0], (Integer) m[1], (Integer) m[2]);
        }
        if (min != null && max != null) {
            b.labelRange(min, max);
        }
        return b.build();
    }

    private static Object[] modality(CodedInputStream in) throws IOException {
        Object[] m = new Object[3];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1: m[0] = Modality.parse(in.readString()); break;
                case 2: m[1] = in.readInt32(); break;
                case 3: m[2] = in.readInt32(); break;
                default: in.skipField(tag);
            }
        }
        if (m[0] == null || m[1] == null || m[2] == null) {
            throw new InvalidProtocolBufferException("Modality without name, length or dim");
        }
        return m;
    }

    private static ByteString summary(TrainingSummary s) throws IOException {
        ByteString.Output bytes = ByteString.newOutput();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeInt32(1, s.bestEpoch());
        out.writeBool(2, s.stoppedEarly());
        for (double v : s.validationLosses()) {
            out.writeDouble(3, v);
        }
        out.writeString(4, s.validationMetricName());
        for (double v : s.validationMetrics()) {
            out.writeDouble(5, v);
        }
        out.writeInt32(6, s.trainingSamples());
        out.writeInt32(7, s.validationSamples());
        out.flush();
        return bytes.toByteString();
    }

    private static TrainingSummary summary(CodedInputStream in) throws IOException {
        int best = 0;
        boolean stopped = false;
        List<Double> losses = new ArrayList<>();
        String metric = "";
        List<Double> metrics = new ArrayList<>();
        int train = 0;
        int valid = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1: best = in.readInt32(); break;
                case 2: stopped = in.readBool(); break;
                case 3: losses.add(in.readDouble()); break;
                case 4: metric = in.readString(); break;
                case 5: metrics.add(in.readDouble()); break;
                case 6: train = in.readInt32(); break;
                case 7: valid = in.readInt32(); break;
                default: in.skipField(tag);
            }
        }
        return new TrainingSummary(best, stopped, losses.stream().mapToDouble(Double::doubleValue).toArray(), metric,
                metrics.stream().mapToDouble(Double::doubleValue).toArray(), train, valid);
    }
}
