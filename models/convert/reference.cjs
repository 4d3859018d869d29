// Build-time only. Runs the source models in the official TF.js runtime (pure JavaScript CPU backend)
// on the fixture images and writes what the converted models must reproduce.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const { PNG } = require('pngjs');

const build = path.join(__dirname, 'build');
const fixtures = path.join(__dirname, '..', 'fixtures');
const SAMPLES = 64;

// Same scaling as models/models.json declares for each model, applied to 8-bit RGB.
const MODELS = {
  mobilenet_v2: { kind: 'layers', scale: 1 / 255, offset: 0, outputs: ['flatten_1', 'dense_3'] },
  centernet: { kind: 'graph', scale: 1, offset: 0, outputs: ['tower_0/keypoints', 'tower_0/wh'] },
  blazeface: { kind: 'graph', scale: 1 / 127.5, offset: -1, outputs: ['Identity', 'Identity_1', 'Identity_2', 'Identity_3'] },
};

function ioHandler(dir) {
  const model = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  const bin = fs.readFileSync(path.join(dir, 'weights.bin'));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const weightSpecs = model.weightsManifest.flatMap(g => g.weights);
  return tf.io.fromMemory({ modelTopology: model.modelTopology, format: model.format, weightSpecs, weightData });
}

function readImage(file, scale, offset) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const rgb = new Float32Array(png.width * png.height * 3);
  for (let i = 0, j = 0; i < png.data.length; i += 4) {
    rgb[j++] = png.data[i] * scale + offset;
    rgb[j++] = png.data[i + 1] * scale + offset;
    rgb[j++] = png.data[i + 2] * scale + offset;
  }
  return tf.tensor4d(rgb, [1, png.height, png.width, 3]);
}

// A compact fingerprint of a tensor: its sums, its largest values and evenly spaced values,
// each with its flat index, so the Java side can compare the very same elements.
function fingerprint(values, shape) {
  const order = Array.from(values.keys()).sort((a, b) => values[b] - values[a]).slice(0, SAMPLES);
  const step = Math.max(1, Math.floor(values.length / SAMPLES));
  const strided = Array.from({ length: Math.min(SAMPLES, values.length) }, (_, k) => k * step);
  const pick = [...new Set([...order, ...strided])];
  let sum = 0, sumAbs = 0;
  for (const v of values) { sum += v; sumAbs += Math.abs(v); }
  return { shape, sum, sumAbs, indices: pick, values: pick.map(i => values[i]) };
}

async function main() {
  await tf.setBackend('cpu');
  for (const [name, spec] of Object.entries(MODELS)) {
    const dir = path.join(fixtures, name);
    if (!fs.existsSync(dir)) continue;
    let run;
    if (spec.kind === 'layers') {
      const model = await tf.loadLayersModel(ioHandler(path.join(build, name)));
      const probe = tf.model({ inputs: model.inputs, outputs: spec.outputs.map(o => model.getLayer(o).output) });
      run = x => probe.predict(x);
    } else {
      const model = await tf.loadGraphModel(ioHandler(path.join(build, name)));
      run = x => model.execute(x, spec.outputs);
    }
    for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.png')).sort()) {
      const input = readImage(path.join(dir, file), spec.scale, spec.offset);
      const outputs = [].concat(run(input));
      const result = { model: name, image: file, runtime: `@tensorflow/tfjs ${tf.version.tfjs} cpu`, outputs: {} };
      outputs.forEach((t, k) => { result.outputs[spec.outputs[k]] = fingerprint(t.dataSync(), t.shape); });
      fs.writeFileSync(path.join(dir, file.replace(/\.png$/, '.reference.json')), JSON.stringify(result));
      console.log(`${name}/${file}: ${spec.outputs.map((o, k) => `${o} ${outputs[k].shape}`).join(', ')}`);
    }
  }
}
main().catch(e => { console.error(e); process.exit(1); });
