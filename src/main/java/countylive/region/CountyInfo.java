package countylive.region;

/** A county as other features show it: code, name and where it lies. */
public record CountyInfo(String code, String name, String prefectureName, String provinceCode, String provinceName,
                         boolean povertyCounty, @io.micronaut.core.annotation.Nullable Integer povertyExitYear) {

    /** "英山县（湖北省）": enough to tell counties of the same name apart. */
    public String label() {
        return name + "（" + provinceName + "）";
    }
}
