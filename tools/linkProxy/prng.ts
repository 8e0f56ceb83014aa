/** The project's seeded PRNG, so a failing fault run can be replayed from its seed. */
export { seededRandom } from '../../common/random/seeded';
